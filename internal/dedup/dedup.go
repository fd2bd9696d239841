// Package dedup recognises repeated news: exact repeats by a hash of the
// normalised text, and near-duplicates (the same wire story reprinted with
// small edits) by MinHash signatures over word shingles, indexed with
// locality-sensitive hashing so that finding candidates costs a fixed number
// of index look-ups per document, whatever the size of the corpus.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"strings"
	"unicode"
)

// Signature shape: Bands*Rows MinHash values. With 20 bands of 5 rows, two
// texts become candidates with probability 0.98 at Jaccard 0.7 and 0.01 at
// Jaccard 0.3 (1-(1-J^5)^20); candidates are then confirmed on the signature.
const (
	Bands     = 20
	Rows      = 5
	SigLen    = Bands * Rows
	Shingle   = 5   // words per shingle
	Threshold = 0.7 // estimated Jaccard at or above which texts are near-duplicates
)

// Signature is a MinHash signature.
type Signature [SigLen]uint32

// ContentHash is the hex SHA-256 of the normalised text: case, punctuation,
// typographic quotes and whitespace do not change it.
func ContentHash(text string) string {
	h := sha256.New()
	for _, w := range words(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// words lower-cases text and splits it into runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// seeds are fixed so that signatures stay comparable across runs and versions.
var seeds = func() (s [SigLen]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser: a cheap, well-distributed 64-bit permutation.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sign computes the MinHash signature of text. ok is false when the text has
// no words, in which case near-duplicate detection does not apply.
func Sign(text string) (sig Signature, ok bool) {
	ws := words(text)
	if len(ws) == 0 {
		return sig, false
	}
	n := Shingle
	if len(ws) < n {
		n = len(ws)
	}
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for i := 0; i+n <= len(ws); i++ {
		h.Reset()
		for _, w := range ws[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		s := h.Sum64()
		for j := range sig {
			if v := uint32(mix(s^seeds[j]) >> 32); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a and b.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / SigLen
}

// BandKeys returns the LSH keys of sig, one per band. Keys of different bands
// never collide by construction (the band number is hashed in), so a single
// index over all keys serves every band.
func BandKeys(sig *Signature) [Bands]int64 {
	var keys [Bands]int64
	for b := 0; b < Bands; b++ {
		x := uint64(b+1) * 0x9e3779b97f4a7c15
		for r := 0; r < Rows; r++ {
			x = mix(x ^ uint64(sig[b*Rows+r]))
		}
		// Keep 63 bits so the key is a non-negative SQL integer.
		keys[b] = int64(x >> 1)
	}
	return keys
}

// Bytes serialises sig for storage (little-endian uint32s).
func (s *Signature) Bytes() []byte {
	out := make([]byte, 4*SigLen)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// ParseSignature is the inverse of Bytes.
func ParseSignature(b []byte) (Signature, bool) {
	var s Signature
	if len(b) != 4*SigLen {
		return s, false
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, true
}
