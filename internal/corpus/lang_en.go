package corpus

var enPack = pack{
	and:     " and ",
	sentSep: " ",
	heads: [nSections][]string{
		secBackground:  {"Background", "Where they started", "The situation before the project", "Starting point"},
		secChallenge:   {"Challenge", "The challenge", "What had to change", "Requirements"},
		secSolution:    {"Solution", "Why they chose our platform", "The selection", "The decision"},
		secImpl:        {"Implementation", "How the project ran", "Rollout", "Project"},
		secIntegration: {"Integration", "Connecting the archive", "Integration with core systems"},
		secResults:     {"Results", "What changed", "Outcome", "Results after the first year"},
		secLessons:     {"Lessons learned", "Looking ahead", "Next steps", "What the team would tell others"},
		secSecurity:    {"Security and access rights", "Security"},
		secSearch:      {"Search", "Finding documents"},
		secScanning:    {"Scanning and capture", "Capture in the branches"},
		secTraining:    {"Training and adoption", "Getting users on board"},
		secOperations:  {"Operations", "Running the archive"},
		secMigration:   {"Migration", "Moving the legacy archive"},
		secCompliance:  {"Compliance and retention", "Retention rules"},
		secCosts:       {"Costs and benefits", "The business case"},
	},
	sents: [nSections][]string{
		secIntro: lines(`
			{C} is a {ind} headquartered in {city}, with {emp_n} and {sites_n}.
			For years {C} kept its {doc} on paper, spread across {sites_n} and a rented warehouse.
			In {go_year} {C} went live with {prods}, replacing {legacy}.
			Today {users_n} at {C} work with the electronic archive every day.
			This case study describes how the project was run, what went wrong along the way and what the archive changed for {dept}.
			The archive now holds {docs_n}, and it grows by several thousand every working day.
			{C} is regulated under {reg}, so the authenticity of stored documents and their retention periods are checked every year.
			The project started as a small pilot in {dept} and grew into the central document archive of the whole company.
			Like many {inds}, {C} had accumulated decades of {doc} in basements, branch cabinets and offsite storage.
			The goal was simple to state and hard to reach: any of its {doc} should be one search away.
			{C} serves customers from {city} and {city}, and almost every business process starts or ends with a document.
			The archive project was part of a wider programme to retire paper from everyday work.
		`),
		secBackground: lines(`
			Before the project, {doc} lived in at least four places: paper folders, {legacy}, e-mail inboxes and personal drives.
			Each department had built its own way of filing documents, and nobody trusted the others' indexes.
			The paper archive filled {km} kilometres of shelving, and the rent for it rose every year.
			Requests from auditors and regulators arrived weekly, and answering one could take a clerk a full day.
			{legacy} had been out of vendor support since {old_year}, and only two people in IT still knew how to restore it.
			Scanning did happen, but without metadata: images were named by date and stored on a file share with {pages_n} and no index.
			The volume grew by roughly {pct} a year as new products and regulations added paperwork.
			Management had tried twice before to introduce an archive, and both attempts ended with a shelved pilot.
			A merger in {old_year} had left {C} with two incompatible filing systems and two sets of retention rules.
			Much of the everyday work in {dept} consisted of looking for documents rather than working with them.
			Originals travelled between offices by courier, and some of them never arrived.
			Nobody could say with certainty how many copies of a given contract existed, or which one was signed.
			The warehouse contract was due for renewal, and the landlord wanted a ten-year commitment.
			An internal audit in {old_year} rated document management as the weakest control in the company.
			The hardest documents were those on {jargon}: old, handwritten and often incomplete.
			Paperwork on {jargon} alone filled a whole floor of the {city} office.
		`),
		secChallenge: lines(`
			The requirements came from three directions at once: {dept}, IT and the regulator.
			{reg} required {C} to prove that archived documents had not been altered since they were stored.
			Search had to work across scanned images, so reliable {ocr} was a must.
			The archive had to serve {users_n} without slowing down the core systems.
			Retention periods differed by document type, from a few years for {doc} to permanent storage for board minutes.
			The budget ruled out a big-bang replacement: old and new systems had to run side by side for a while.
			IT insisted on open formats such as {fmt} so that the archive would outlive any single vendor.
			Offices with slow connections still needed to capture documents on the same day.
			Every access to a customer file had to be logged and reportable for internal audit.
			The business wanted results within a year, while IT wanted a platform for the next ten.
			Personal data in {doc} had to be visible only to the people who needed it.
			The project also had to cope with {pages_n} of back-scanning without hiring a permanent team.
			Documents on {jargon} had to be kept apart, with their own access rules and retention period.
			Forms such as {form} had to be recognised without manual sorting.
		`),
		secSolution: lines(`
			{C} evaluated {n} vendors in a formal tender and chose {prods}.
			The decisive factor was a reference visit to another {ind}, where the team saw the archive working under real load.
			{prod} met the search requirements out of the box, while competing products required custom development.
			The proof of concept ran for {weeks} on real {doc} from {dept}.
			IT liked that the archive supports {tech} and does not lock data into a proprietary format.
			Our team proposed to start with the document types that caused the most complaints rather than with the biggest volume.
			Security reviewers approved the architecture after a two-week assessment against {reg}.
			The archive is deployed on {infra}, with a standby copy in a second data centre.
			Business users were involved from the first day, and their feedback shaped the search screens.
			The licence model allowed {C} to grow the archive without renegotiating every year.
			Procurement compared the total cost over seven years, and the electronic archive won clearly against more warehouse space.
			The steering committee approved the project after a two-hour demonstration with {C}'s own documents.
			Internally the programme was code-named {codename}.
		`),
		secImpl: lines(`
			The project ran over {dur}.
			A joint team of {team} people from {C} and our consultants worked in two-week iterations.
			The first phase covered {doc} in {dept}, which produced quick and visible results.
			Document classes, metadata and retention periods were agreed in workshops with each department.
			Migration from {legacy} ran over {n} weekend windows, each verified by record counts and checksums.
			Back-scanning of the paper archive was outsourced, with {C} staff checking a sample of every batch.
			Capture stations in the offices classify each scanned page with {ocr} and link it to the right customer record.
			By the end of {go_year} all offices were capturing documents directly into the archive.
			The biggest delay came from {delay}, which cost about {weeks}.
			Training was short because the search screen looks like a web search box.
			Every release went through user acceptance testing with a group of volunteers from {dept}.
			The project manager on the customer side reported to the COO every two weeks.
			Files on {jargon} were among the first to move, because {dept} needed them daily.
			Batch {batch} of the back-scanning, {batch_pages}, came from the {city} office.
		`),
		secIntegration: lines(`
			{prod} is connected to {sys} through its REST API, so users open documents directly from the screens they already know.
			When a new record is registered in {sys}, the archive creates the document card automatically.
			Single sign-on with {idp} means that nobody needs another password.
			Access rights follow the organisational structure in {sys}, which keeps permissions current without manual work.
			Events from the archive are published to {bus}, where other systems can subscribe to them.
			A nightly job reconciles the archive with {sys} and reports any document without a matching record.
			The integration layer was built by {C}'s own developers after a three-day training course.
			Documents are stored as {fmt} with XML metadata, so they can be exported at any time.
			The connector to {sys} took {weeks} to build and has not needed changes since.
			Mail room software hands over incoming post to the archive with the sender already recognised.
			The archive exposes documents on {jargon} to {sys} through a dedicated view.
		`),
		secResults: lines(`
			Finding a document now takes seconds instead of hours.
			The paper archive shrank by {pct}, and {C} gave up {n} rented storage sites.
			Auditors now get read-only access to the archive and rarely need to ask staff for help.
			Courier costs between offices and head office fell by {pct}.
			The number of lost documents dropped to practically zero.
			{dept} handles {pct} more requests with the same team.
			The project paid for itself in {payback}, mostly through lower storage and courier costs.
			The archive answered {n} regulator requests in the first year without a single escalation.
			Time to find one of the {doc} fell from {t1} to {t2}.
			The archive holds {docs_n} today and is used by {users_n}.
			Customer complaints about lost paperwork disappeared from the monthly service report.
			Staff no longer scan the same document twice, because they can see at once that it is already archived.
			Contract {docid} became the symbol of the project: it took {t1} to find before go-live and {t2} after.
			A search for {jargon} now returns every related document across all offices.
		`),
		secLessons: lines(`
			Looking back, the team would start the retention discussion even earlier.
			Clean metadata matters more than scanning speed: a document that cannot be found is as good as lost.
			Involving {dept} from the start paid off during the roll-out.
			Next, {C} plans to extend the archive to {doc} and to connect it with {sys}.
			The team also wants to introduce electronic signatures so that fewer documents are printed at all.
			The archive has become part of daily work, and nobody asks for the paper folders any more.
			A second phase will bring {tech} to the remaining document types.
			Short iterations helped: every month users saw something new working.
			Decommissioning {legacy} was planned from day one, which kept the old system from living on.
			The project team recommends agreeing on document classes before buying any scanners.
			The team would have classified documents on {jargon} earlier; they turned out to be the most requested.
		`),
		secSecurity: lines(`
			Access rights are granted by role, and every view, download and deletion is written to the audit trail.
			Documents containing personal data are masked for users outside {dept}.
			All content is encrypted at rest, and the keys are held in a hardware security module.
			Security testing by an external firm found no critical issues before go-live.
			Administrators cannot read document content unless a second person approves the request.
			The archive passed the annual {reg} review without findings.
		`),
		secSearch: lines(`
			Search covers metadata and the recognised text of every page, including handwritten notes where handwriting recognition can read them.
			Users can filter by document class, date, office and customer, and save their searches.
			Typical queries return results in well under a second across {docs_n}.
			Misspelt names still find the right customer, which matters with data keyed in over decades.
			Power users in {dept} build saved searches that replace the old paper registers.
			Search results respect access rights, so nobody sees a hit they are not allowed to open.
			The most frequent query in {dept} is for {jargon}.
		`),
		secScanning: lines(`
			Each office scans incoming documents on the same day using existing multifunction devices.
			Separator sheets with barcodes split batches into documents automatically.
			Capture recognises {pct} of document types without human help, and the rest go to a validation queue.
			The central scanning team processes {pages_n} in peak months.
			Quality checks compare page counts and image quality before a batch is released to the archive.
			Paper originals are destroyed after a holding period unless the law requires the original.
			Scanning stations use {scanner} devices combined with {ocr}.
			Forms such as {form} are recognised automatically and routed to the right queue.
			Batch {batch} alone held {batch_pages} of documents on {jargon}.
		`),
		secTraining: lines(`
			Most users learned the system in a one-hour session, and key users received two days of training.
			A network of key users in every office answers everyday questions.
			Short videos on the intranet replaced the printed manual.
			Usage statistics showed which offices needed extra help in the first months.
			Resistance came mainly from staff who had kept personal paper copies for years.
			Within six months more than {pct} of employees had used the archive at least once.
		`),
		secOperations: lines(`
			The archive is run by a team of {team} people, including the scanning staff.
			Monitoring covers response times, queue lengths and storage growth.
			Upgrades are installed twice a year in a maintenance window on Sunday morning.
			Backups are tested every quarter by restoring a random sample of documents.
			Storage grows by about {pct} a year, and capacity is planned two years ahead.
			Availability over the last year was above 99.9 percent.
			The archive runs version {ver} of {prod}, upgraded without downtime.
		`),
		secMigration: lines(`
			The migration moved {docs_n} with their metadata from {legacy}.
			Each batch was checked by record counts and checksums before the source was switched to read-only.
			Duplicates were detected by content hash and merged, which removed about {pct} of the volume.
			Metadata that could not be mapped went to a clean-up queue handled by {dept}.
			The old system stayed available in read-only mode for {dur} after the last batch.
			The migration ran in the background, so users noticed nothing but faster search.
			Batch {batch} was the largest single migration run.
		`),
		secCompliance: lines(`
			Retention periods are attached to each document class and start from a business event such as the end of a contract.
			Documents under legal hold cannot be deleted, whatever their retention period says.
			At the end of the retention period the archive proposes a deletion list that {dept} approves.
			The archive keeps documents in {fmt}, which auditors accept as long-term storage.
			Compliance with {reg} is documented in a control matrix reviewed every year.
			Deletion certificates are themselves archived, so {C} can prove what was destroyed and when.
			Documents on {jargon} carry a legal hold by default until {dept} releases them.
		`),
		secCosts: lines(`
			The business case rested on three items: warehouse rent, courier costs and staff time spent searching.
			Warehouse costs fell by {pct} within two years.
			Staff time saved is estimated at {team} full-time positions, which were moved to customer-facing work.
			The investment paid back in {payback}.
			Licence and support costs are lower than the rent for the space the paper used to occupy.
			Fewer lost documents also meant fewer write-offs in disputes.
		`),
	},
	titles: lines(`
		{PT} for {docs_n}
		{C}: {pt} across {sites_n}
		How {C} took {doc} out of the basement
		{C} cuts search time for {doc} to seconds
		One archive for {users_n} at {C}
		{C} replaces {legacy} with {prod}
		Paperless {doc} at {C}
		{C} brings {doc} under retention control
		From paper to archive in {dur}: {C}
		{C} archives {docs_n} with {prods}
		{PT} at {C}
		How {C} answers auditors in minutes
	`),
	summaries: lines(`
		{C} replaced {legacy} and paper folders with a single archive for {doc}, used by {users_n} at {sites_n}.
		With {prods}, {C} archives {docs_n} and finds any of them in seconds.
		{C} moved {docs_n} into one archive in {dur} and cut the time to find {doc} from {t1} to {t2}.
		A {pt} project at {C}: capture at {sites_n}, retention rules by document type and full-text search across scans.
		How {C} met the requirements of {reg} and retired {legacy} with an electronic archive.
		{C} gave up rented storage space and now serves auditors from one electronic archive of {docs_n}.
	`),
	anonIntro: lines(`
		The customer is {alias}; it asked us not to publish its name.
		This case study describes {alias}, which prefers to remain anonymous.
	`),
	quotes: lines(`
		We used to send a courier to the warehouse for a single file. Now it opens before the customer has finished the coffee.
		The archive is the first system our auditors ask for, and the last one they complain about.
		What convinced us was seeing it run at another {ind}, with real users and real volumes.
		Nobody had to learn a new way of working. The documents are simply there when you need them.
		Switching off {legacy} alone justified the project.
		We finally know what we store, why we store it and when we can delete it.
		Our offices stopped scanning the same documents twice.
		The migration was the part we feared most, and it turned out to be the quietest.
		For the first time IT and the business agree on one system.
		Search works the way people expect: type a name or a contract number and it is there.
		We gave back {n} floors of storage space to the business.
		The regulator's last visit took one day instead of a week.
	`),
	roles: ls(`CIO COO CFO IT_Director Head_of_Records_Management Head_of_Back_Office Chief_Accountant Head_of_Legal Head_of_Compliance Project_Manager Head_of_Document_Management Head_of_Operations Enterprise_Architect Head_of_Shared_Services`),
	tags:  ls(`migration OCR full-text_search retention e-signature back-scanning branch_scanning audit GDPR SAP cloud on-premises legal_hold mail_room accounts_payable KYC PDF/A single_sign-on records_management workflow mobile data_protection decommissioning`),
	listIntro: lines(`
		The project team summarised the requirements as follows:
		The must-haves were:
		The team agreed on these goals:
	`),
	challengeItems: lines(`
		one archive for all {doc} instead of {n} separate silos;
		full-text search in scanned documents;
		retention rules applied automatically by document type;
		integration with {sys} without double data entry;
		access rights inherited from {sys};
		migration of {docs_n} without downtime;
		an audit trail for every view, download and deletion;
		capture at {sites_n} with the existing scanners;
		storage in {fmt} for long-term readability;
		response times under two seconds for {users_n};
		compliance with {reg};
		legal hold for disputed {doc}.
	`),
	phaseIntro: lines(`
		The roll-out followed these phases:
		The project was split into phases:
	`),
	phaseItems: lines(`
		**Discovery**: an inventory of {doc} and interviews in {dept};
		**Pilot** in {dept} with a small group of users for {weeks};
		**Migration** of {docs_n} from {legacy};
		**Back-scanning** of the paper archive, oldest boxes last;
		**Roll-out** to {sites_n} in {n} waves;
		**Integration** with {sys};
		**Decommissioning** of {legacy} and the old file shares.
	`),
	nextIntro: lines(`
		The plan for the next year:
		Open items on the roadmap:
	`),
	nextItems: lines(`
		migrate the remaining {doc}
		connect {sys}
		introduce electronic signatures for {doc}
		extend capture to all offices
		automate deletion at the end of the retention period
		open the archive to external auditors
		switch off {legacy}
	`),
	codeIntro: lines(`
		The rules are kept as configuration under version control, for example:
		A typical configuration entry looks like this:
		The integration is a few lines of code, for example:
	`),
	tableIntro: lines(`
		The main figures after the first full year:
		Before and after, in numbers:
	`),
	tableHead: "| Metric | Before | After |",
	footnotes: lines(`
		Figures reported by {C} for {year}.
		Measured over the first twelve months after go-live.
	`),
	docs: lines(`
		contracts
		invoices
		HR files
		board minutes
		incoming letters
		supplier contracts
		accounting vouchers
		tax documents
		powers of attorney
		purchase orders
		internal policies
		travel expense reports
		customer correspondence
		employee contracts
		bank statements
		legal opinions
		annual reports
		cadastral extracts
		non-disclosure agreements
		consignment notes
		quality audit reports
		archived e-mails
	`),
	systems: lines(`
		SAP ERP
		SAP S/4HANA
		Microsoft Dynamics 365
		Oracle E-Business Suite
		Salesforce
		the core banking system
		Temenos Transact
		Guidewire PolicyCenter
		ServiceNow
		Workday
		Microsoft 365
		the CRM
		the HR system
		the billing system
		Maximo
		Infor LN
		Epic
		IFS Applications
	`),
	legacy: lines(`
		an old image archive
		shared network drives
		a home-grown Access database
		Lotus Notes databases
		an outdated document management system
		microfilm
		a 1990s imaging system
		Documentum 5
		FileNet Image Services
		spreadsheets of box numbers
	`),
	techs: lines(`
		OCR
		full-text indexing
		automatic classification
		barcode recognition
		retention management
		electronic signatures
		qualified timestamps
		WORM storage
		S3-compatible object storage
		role-based access control
		single sign-on
		content deduplication
		PDF/A conversion
		checksum verification
		handwriting recognition
		intelligent document processing
		hierarchical storage management
		metadata extraction
		e-discovery
		redaction
		zonal OCR
		table extraction
		language detection
		fuzzy matching
		versioning
		records declaration
		digital preservation
		blockchain anchoring
	`),
	depts: lines(`
		the back office
		the legal department
		accounting
		HR
		procurement
		the branch network
		customer service
		compliance
		internal audit
		treasury
		the mail room
		facility management
		the claims department
		engineering
	`),
	regs: lines(`
		GDPR
		ISO 15489
		ISO 27001
		SOX
		MoReq2010
		eIDAS
		DORA
		Solvency II
		HIPAA
		PCI DSS
		NIS2
		Basel III
		IFRS 17
		ISO 14641
		the national archives act
		the tax code
		the Anti-Money Laundering Directive
		ISO 16363
	`),
	formats: ls(`PDF/A-2b PDF/A-1b TIFF PDF/A-3 XML JPEG_2000 DOCX MSG EML XBRL DICOM`),
	infra: lines(`
		on-premises servers
		a private cloud
		Kubernetes in the company's data centre
		VMware clusters
		Microsoft Azure
		a sovereign cloud
		AWS in the local region
	`),
	ocr: lines(`
		OCR
		zonal OCR
		intelligent document processing
		barcode recognition
		automatic classification
		machine-learning classification
	`),
	idp: ls(`Active_Directory Microsoft_Entra_ID Keycloak Okta ADFS`),
	bus: ls(`Kafka RabbitMQ IBM_MQ an_enterprise_service_bus`),
	delays: lines(`
		a late change in the retention rules
		the move to a new data centre
		waiting for test data from the ERP team
		a reorganisation of the back office
		a delayed scanner tender
		the annual closing of the books
	`),
	cities: [6][]string{
		ls(`London Frankfurt Amsterdam Zurich Vienna Milan Madrid Paris Stockholm Copenhagen Warsaw Prague Dublin Lisbon Brussels Helsinki Oslo Tallinn Bratislava Ljubljana`),
		ls(`Moscow Almaty Tashkent Baku Yerevan Astana Minsk Bishkek`),
		ls(`Tokyo Osaka Nagoya Fukuoka Sapporo Sendai Hiroshima Yokohama`),
		ls(`Singapore Sydney Melbourne Auckland Kuala_Lumpur Jakarta Seoul Bangkok Manila Perth Brisbane`),
		ls(`Dubai Abu_Dhabi Riyadh Doha Istanbul Cairo Johannesburg Nairobi Casablanca Muscat Lagos`),
		ls(`Chicago Toronto New_York Boston Denver Atlanta Dallas Seattle Montreal Minneapolis Calgary Phoenix`),
	},
}
