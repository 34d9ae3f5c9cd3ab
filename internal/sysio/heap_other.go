//go:build !linux

package sysio

// HugeHeap does nothing: transparent huge pages are a Linux feature.
func HugeHeap(size int) {}
