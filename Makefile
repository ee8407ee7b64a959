# ocmw-merge — the two commands a newcomer needs are `make run` and `make test`.
# Only JDK 17 and Maven are required; Maven fetches everything else, PostgreSQL included (embedded).

MVN ?= mvn -B -ntp
JAR := target/ocmw-merge.jar
# the jar as make build leaves it for a quick start: extracted (target/app), with a class data sharing archive made by
# a training run (Spring Boot's CDS support on Java 17) and the launcher that starts it with the JVM options each
# command needs (src/main/launcher/ocmw-merge); `java -jar target/ocmw-merge.jar` works too, only slower
APP := $(CURDIR)/target/app/ocmw-merge.jar
CDS := $(CURDIR)/target/app/ocmw-merge.jsa
RUN := $(CURDIR)/target/app/ocmw-merge
# the developers' tools (sample data, benchmark), built from the test sources beside the product's jar, run on it
TOOLS_JAR := target/ocmw-merge-tools.jar
TOOLS := java -cp $(JAR) -Dloader.path=$(TOOLS_JAR) -Dloader.main=be.ocmw.merge.cli.internal.Tools \
	org.springframework.boot.loader.launch.PropertiesLauncher
# the sample's mergers, and the fingerprint of a merger's latest plan ($$m) as its summary.json holds it
SAMPLE_MERGERS := pajottegem hasselt antwerpen
FINGERPRINT = sed -n 's/^  "fingerprint" : "\([^"]*\)".*/\1/p' out/$$m/summary.json
SOURCES := $(shell find src/main src/test/java/be/ocmw/merge/cli/internal src/test/java/be/ocmw/merge/sampledata -type f) pom.xml

.PHONY: build test test-e2e browser run serve bench sample-data docs clean

build: $(CDS)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests
	@touch $(JAR)

# a throw-away database with one request, then a plan on it (the command an operator waits for most): the classes
# that plan starts with, archived at its exit, with the launcher's options for quick commands
$(CDS): $(JAR) src/main/launcher/ocmw-merge
	@echo "== Preparing the quick start (extracted jar, class data sharing archive from a training run)"
	rm -rf target/app target/cds-training && mkdir -p target/cds-training
	java -Djarmode=tools -jar $(JAR) extract --destination target/app >/dev/null
	cp src/main/launcher/ocmw-merge target/app/ocmw-merge
	cp -r jobs target/cds-training/jobs
	printf 'reference;submitted_on;kbo;read\nTRAINING-1;2024-02-07;0212978247;true\n' > target/cds-training/requests.csv
	cd target/cds-training && export OCMW_HOME=$(CURDIR)/target/cds-training/.ocmw OCMW_DB_IDLE=0 && \
		java -jar $(APP) load online-requests requests.csv >/dev/null 2>&1 && \
		java -XX:ArchiveClassesAtExit=$(CDS) -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
		-jar $(APP) plan pajottegem --out out >/dev/null 2>&1; \
		status=$$?; [ $$status = 0 ] || [ $$status = 4 ] # 4: BLOCKED (the training data has no HTB), as good to learn from
	rm -rf target/cds-training

## Unit tests (surefire), then the jar, then the functional tests that run it (failsafe).
test:
	$(MVN) verify

## The dashboard in a real headless Chromium (Debian's chromium and chromedriver, installed here when missing).
test-e2e: browser
	$(MVN) -Pe2e verify

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ echo "== Installing Debian's chromium and chromium-driver for the browser tests"; \
		  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; }

## The dashboard and the scheduler on the data of make run, with the demo users (never for real data). Ctrl-C stops it.
serve: $(CDS)
	$(RUN) serve --demo

## The sample workflow, from a fresh clone: registry, loads, intake, plan and apply (run it as often as you like).
# One OS account plays the coordinator and the operator here, so four eyes compares their --by names only
# (OCMW_FOUR_EYES=names); for real, an approval and an apply from one account are refused (docs/operations.md).
run: export OCMW_FOUR_EYES = names
run: $(CDS)
	@echo "== Checking the merger registry (jobs/mergers-2025.yml)"
	$(RUN) mergers validate
	@echo
	@echo "== The mergers"
	$(RUN) mergers list
	@echo
	@echo "== Loading the portal's access exports of the sample OCMWs (embedded PostgreSQL in ./.ocmw)"
	$(RUN) load access sample-data/access
	@echo
	@echo "== Loading the dossiers and the OCMW Online requests"
	$(RUN) load dossiers sample-data/dossiers.csv
	$(RUN) load online-requests sample-data/online-requests.csv
	@echo
	@echo "== Taking in the HTB submissions"
	$(RUN) intake sample-data/submissions --out out/intake
	@echo
	@echo "== The pre-filled workbook of every OCMW (its administrators and its users to review), as Vlaanderen sends them"
	@for m in $(SAMPLE_MERGERS); do echo "$(RUN) template $$m --out out/workbooks"; $(RUN) template $$m --out out/workbooks || exit $$?; done
	@echo
	@echo "== Planning the three sample mergers (dry run: nothing changes)"
	$(RUN) plan pajottegem --out out
	$(RUN) plan hasselt --out out
	$(RUN) plan antwerpen --out out
	@echo
	@echo "== A coordinator approves each plan by its fingerprint (recorded and audited; a plan that changed is refused)"
	@for m in $(SAMPLE_MERGERS); do \
		echo "$(RUN) approve $$m --fingerprint $$($(FINGERPRINT)) --by coordinator"; \
		$(RUN) approve $$m --fingerprint "$$($(FINGERPRINT))" --by coordinator --comment "make run: sample data" || exit $$?; done
	@echo
	@echo "== An operator, not the approver (four eyes: by --by name here, OCMW_FOUR_EYES=names), applies exactly the approved plans (run again: nothing is done twice)"
	@for m in $(SAMPLE_MERGERS); do \
		echo "$(RUN) apply $$m --out out --fingerprint $$($(FINGERPRINT)) --by operator"; \
		$(RUN) apply $$m --out out --fingerprint "$$($(FINGERPRINT))" --by operator || exit $$?; done
	@echo
	@echo "== Reconciling them: the drift since the apply (none yet: what is left to people, the plans' findings said)"
	$(RUN) reconcile --out out/reconcile
	@echo
	@echo "== Checking a ChaMan certificate"
	$(RUN) check-certificate sample-data/chaman/ocmw-rest.cer --channel rest || true
	@echo
	$(RUN) status
	@echo
	@echo "Reports: out/intake/ (intake-summary.json, intake-report.xlsx, *.checked.xlsx per submission),"
	@echo "         out/<merger>/ (summary.json, plan.xlsx, plan.html, apply.xlsx, apply.html: the latest) for pajottegem, hasselt and antwerpen,"
	@echo "         and the history, never overwritten: a folder per run in out/<merger>/ (000012-plan/, 000015-apply/, ...),"
	@echo "         out/reconcile/ (reconciliation-summary.json, reconciliation.xlsx: the latest; each run in 000014-reconcile/, ...)."
	@echo "Dashboard: make serve, then http://localhost:8080/ as operator/operator or coordinator/coordinator (demo users)."

## Regenerate sample-data/ (deterministic: the same files every time).
sample-data: $(JAR)
	rm -rf sample-data/access sample-data/submissions sample-data/dossiers.csv sample-data/online-requests.csv
	$(TOOLS) sample-data --out sample-data

## Loading speed and memory on generated data (200 000-row xlsx, 1 000 000 dossiers), beside POI's own floor.
bench: $(CDS)
	RUN="$(RUN)" bash bench/run.sh
	RUN="$(RUN)" bash bench/latency/run.sh

## docs/commands.md's help section, written again from the command line itself (CommandsDocTests checks it in make test).
docs:
	$(MVN) -q test -Dtest=CommandsDocTests -Dsurefire.failIfNoSpecifiedTests=false -Docmw.docs.write=true

clean:
	$(MVN) -q clean
	rm -rf out
