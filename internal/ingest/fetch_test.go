package ingest

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/parleyhq/parley/internal/model"
)

// cyrillicPage is a short Russian news text written for these tests.
const cyrillicText = "Министр иностранных дел заявил, что переговоры о перемирии продолжатся на следующей неделе. " +
	"По его словам, стороны уже согласовали порядок обмена пленными, но вопрос о гарантиях безопасности остаётся открытым."

func cp1251(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testServer serves the cases the HTTP tests need; seen records the
// headers of each request by path.
type testServer struct {
	*httptest.Server
	mu   sync.Mutex
	seen map[string]http.Header
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	article, err := os.ReadFile("testdata/golden/article.html")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{seen: map[string]http.Header{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(r.PathValue("code"), &code)
		http.Error(w, "no", code)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/article", http.StatusMovedPermanently)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	big := strings.Repeat("<p>Padding paragraph for the size limit test.</p>\n", 100)
	mux.HandleFunc("/big/declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		w.Write([]byte(big))
	})
	mux.HandleFunc("/big/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 4; i++ {
			w.Write([]byte(big[:len(big)/4]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
	})
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/blob", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(article)
		zw.Close()
	})
	mux.HandleFunc("/ru/header", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(cp1251(t, "<html><head><title>Переговоры</title></head><body><p>"+cyrillicText+"</p></body></html>"))
	})
	mux.HandleFunc("/ru/meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(cp1251(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Переговоры</title></head><body><p>`+cyrillicText+"</p></body></html>"))
	})
	mux.HandleFunc("/ru/lying", func(w http.ResponseWriter, r *http.Request) {
		// Declares UTF-8 but sends windows-1251, as misconfigured servers do.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(cp1251(t, cyrillicText))
	})
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		ts.seen[r.URL.Path] = r.Header.Clone()
		ts.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func (ts *testServer) header(path string) http.Header {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.seen[path]
}

func TestFetchErrors(t *testing.T) {
	ts := newTestServer(t)
	u := ts.URL
	tests := []struct {
		name, path string
		opts       []Option
		want       []string // substrings of the error
		is         error
	}{
		{"404", "/status/404", nil, []string{"fetch " + u + "/status/404: HTTP 404 Not Found"}, nil},
		{"500", "/status/500", nil, []string{"fetch " + u + "/status/500: HTTP 500 Internal Server Error"}, nil},
		{"timeout", "/slow", []Option{WithTimeout(200 * time.Millisecond)}, []string{u + "/slow", "timed out after 200ms"}, nil},
		{"redirect loop", "/loop/a", nil, []string{"redirect loop: " + u + "/loop/a -> " + u + "/loop/b -> " + u + "/loop/a"}, nil},
		{"too many redirects", "/hop/5", nil, []string{u + "/hop/5", "stopped after 5 redirects"}, nil}, // 6 hops
		{"too large, declared", "/big/declared", []Option{WithMaxBytes(1024)}, []string{u + "/big/declared", "over the size limit", "limit 1024"}, ErrTooLarge},
		{"too large, chunked", "/big/chunked", []Option{WithMaxBytes(1024)}, []string{u + "/big/chunked", "over the size limit", "more than 1024 bytes"}, ErrTooLarge},
		{"pdf", "/doc.pdf", nil, []string{u + "/doc.pdf", "skipped", "application/pdf is not text"}, ErrSkipped},
		{"image", "/photo", nil, []string{u + "/photo", "skipped", "image/png is not text"}, ErrSkipped},
		{"binary octet-stream", "/blob", nil, []string{u + "/blob", "skipped", "application/octet-stream"}, ErrSkipped},
		{"bad URL", "/%zz", nil, []string{"fetch " + u + "/%zz", "invalid URL escape"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := read(t, u+tt.path, tt.opts...)
			if err == nil {
				t.Fatalf("no error, %d documents", len(docs))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if len(docs) != 0 {
				t.Errorf("%d documents emitted despite the error", len(docs))
			}
		})
	}
}

func TestFetchHTTPError(t *testing.T) {
	ts := newTestServer(t)
	_, _, err := read(t, ts.URL+"/status/404")
	var he *HTTPError
	if !errors.As(err, &he) || he.StatusCode != 404 {
		t.Fatalf("error %v is not an *HTTPError with status 404", err)
	}
}

func TestFetchPage(t *testing.T) {
	ts := newTestServer(t)
	final := map[string]string{"/article": "/article", "/gzip": "/gzip", "/hop/4": "/article"} // hop/4: 5 redirects
	for path, to := range final {
		t.Run(path, func(t *testing.T) {
			docs, warns, err := read(t, ts.URL+path)
			if err != nil || len(warns) > 0 {
				t.Fatalf("err %v, warnings %q", err, warns)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.Title != "Envoys agree to resume talks on prisoner exchange" || !strings.HasPrefix(d.Text, "Negotiators from the two governments") {
				t.Errorf("title %q, text %.60q", d.Title, d.Text)
			}
			if d.Origin != ts.URL+path || d.URL != ts.URL+to {
				t.Errorf("origin %q url %q, want %q and the final URL after redirects", d.Origin, d.URL, ts.URL+path)
			}
			// The page's relative canonical link resolves against where it was served.
			if d.CanonicalURL != ts.URL+"/world/envoys-resume-talks" {
				t.Errorf("canonical %q", d.CanonicalURL)
			}
		})
	}
	ua := ts.header("/article").Get("User-Agent")
	if ua != DefaultUserAgent() || !strings.HasPrefix(ua, "parley/") || !strings.Contains(ua, "(+https://github.com/parleyhq/parley)") {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestUserAgentOption(t *testing.T) {
	ts := newTestServer(t)
	if _, _, err := read(t, ts.URL+"/article", WithUserAgent("custom/1.0")); err != nil {
		t.Fatal(err)
	}
	if ua := ts.header("/article").Get("User-Agent"); ua != "custom/1.0" {
		t.Errorf("User-Agent %q, want custom/1.0", ua)
	}
}

func TestCharsets(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/ru/header", "/ru/meta", "/ru/lying"} {
		t.Run(path, func(t *testing.T) {
			docs, _, err := read(t, ts.URL+path)
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if !strings.Contains(d.Text, "переговоры о перемирии продолжатся") || !strings.Contains(d.Text, "остаётся открытым") {
				t.Errorf("text not converted from windows-1251: %.80q", d.Text)
			}
			if d.Lang != "ru" {
				t.Errorf("lang %q, want ru", d.Lang)
			}
		})
	}
}

func TestTextFileCharsets(t *testing.T) {
	french := "Le ministre des Affaires étrangères a déclaré jeudi que les négociations reprendraient la semaine prochaine à Genève. " +
		"Selon lui, les deux délégations ont accepté un calendrier précis pour l'échange de prisonniers."
	latin1, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(french))
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Talks resume in Geneva.\nThe delegations agreed on a timetable for the exchange of prisoners." {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name   string
		data   []byte
		want   string
		lang   string
		guessd bool
	}{
		{"windows-1251", cp1251(t, cyrillicText), "переговоры о перемирии", "ru", true},
		{"iso-8859-1", latin1, "a déclaré jeudi que les négociations", "fr", true},
		{"utf-16 with BOM", utf16, "The delegations agreed", "en", false},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), cyrillicText...), "переговоры о перемирии", "ru", false},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := dir + "/" + strings.ReplaceAll(tt.name, " ", "_") + ".txt"
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			docs, _, err := read(t, path)
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if !strings.Contains(d.Title+"\n"+d.Text, tt.want) {
				t.Errorf("text %.100q does not contain %q", d.Text, tt.want)
			}
			if d.Lang != tt.lang {
				t.Errorf("lang %q, want %q", d.Lang, tt.lang)
			}
			if guessed := len(d.Notes) > 0 && strings.HasPrefix(d.Notes[0], "encoding guessed"); guessed != tt.guessd {
				t.Errorf("notes %q, guessed encoding note expected: %v", d.Notes, tt.guessd)
			}
		})
	}
}

func TestReadURLEmitError(t *testing.T) {
	ts := newTestServer(t)
	stop := errors.New("stop")
	err := newTest().Read(context.Background(), ts.URL+"/article", func(*model.Document) error { return stop })
	if err != stop {
		t.Fatalf("got %v, want the emit error unchanged", err)
	}
}
