package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/parleyhq/parley/internal/model"
)

// Stream analyses documents on all cores while keeping their order: read
// feeds documents (calling send for each, stopping when send returns
// false), and write receives each analysed document in the order sent.
// The first error from read or write stops the stream and is returned.
func (p *Pipeline) Stream(ctx context.Context, workers int, read func(send func(*model.Document) bool) error, write func(*model.Document) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		doc  *model.Document
		done chan struct{}
	}
	jobs := make(chan job)
	order := make(chan job, 2*workers) // bounds the documents in flight
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				p.Analyze(j.doc)
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- read(func(d *model.Document) bool {
			j := job{doc: d, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	var werr error
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
		}
		if werr == nil && ctx.Err() == nil {
			if werr = write(j.doc); werr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err := <-readErr; err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	return ctx.Err()
}
