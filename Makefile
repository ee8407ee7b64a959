# ocmw-merge — the two commands a newcomer needs are `make run` and `make test`.
# Only JDK 17 and Maven are required; Maven fetches everything else, PostgreSQL included (embedded).

MVN ?= mvn -B -ntp
JAR := target/ocmw-merge.jar
RUN := java -jar $(JAR)
SOURCES := $(shell find src/main -type f) pom.xml

.PHONY: build test run clean

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q package -DskipTests
	@touch $(JAR)

## Unit tests (surefire), then the jar, then the functional tests that run it (failsafe).
test:
	$(MVN) verify

## The sample workflow, from a fresh clone.
run: $(JAR)
	@echo "== Checking the merger registry (jobs/mergers-2025.yml)"
	$(RUN) mergers validate
	@echo
	@echo "== The mergers"
	$(RUN) mergers list
	@echo
	@echo "== The database (embedded PostgreSQL in ./.ocmw, created on first use)"
	$(RUN) status

clean:
	$(MVN) -q clean
