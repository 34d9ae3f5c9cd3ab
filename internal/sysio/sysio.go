// Package sysio asks the kernel for fewer, larger pages of memory for the
// heap of a build (HugeHeap).
package sysio
