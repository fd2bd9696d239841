# parley: `make demo` builds the binary and runs the main job on the shipped
# example; `make test` runs the test suite (what CI runs).
export PATH := $(PATH):/usr/local/go/bin
DEMO_DB ?= $(CURDIR)/tmp/demo.db

.PHONY: build demo test bench ner-model

build:
	go build -o bin/parley ./cmd/parley

demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	./bin/parley ingest --db $(DEMO_DB) examples/
	./bin/parley search --db $(DEMO_DB) "White House meeting"
	./bin/parley events --db $(DEMO_DB)
	./bin/parley quotes --db $(DEMO_DB)
	./bin/parley speakers --db $(DEMO_DB)
	./bin/parley ledger --db $(DEMO_DB)
	./bin/parley stats --db $(DEMO_DB)

test:
	go test ./...
	go test -race ./internal/nlp/... ./internal/pipeline/

bench:
	go test -run XXX -bench . -benchtime 2000x ./internal/store/

# The entity models learn from GUM's training documents as the tagger and
# parser analyse unseen text: with models trained without GUM (about 7
# minutes on two cores), not the embedded ones, which were trained on them.
ner-model: build
	mkdir -p tmp
	./bin/parley train tagger --gum=false --out tmp/tagger-ewt.bin
	./bin/parley train parser --gum=false --ensemble 1 --out tmp/parser-ewt.bin
	./bin/parley train ner --tagger tmp/tagger-ewt.bin --parser tmp/parser-ewt.bin
