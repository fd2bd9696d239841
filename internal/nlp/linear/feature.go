// Package linear is a small multiclass linear model over hashed features:
// an averaged perceptron Trainer, and an immutable, compact Model that
// scores fast and is safe for concurrent use.
//
// Features are 64-bit hashes built without allocation from a template id
// and its values:
//
//	f := linear.Template(7).Str(word).Int(tag)
//
// Callers precompute the hashes of strings that recur (a token's form) with
// HashString and mix them in with Int, so the hot path only mixes integers.
package linear

// Feature is a hashed feature: a template id mixed with its values.
type Feature uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Template starts a feature for template id.
func Template(id uint64) Feature {
	return Feature(mix64(id + 0x9e3779b97f4a7c15))
}

// Int mixes an integer value (a tag id, a distance, a precomputed string
// hash) into f.
func (f Feature) Int(v uint64) Feature {
	return Feature(mix64(uint64(f)^v) + 0x632be59bd9b4e019)
}

// Str mixes a string into f.
func (f Feature) Str(s string) Feature {
	return f.Int(HashString(s))
}

// HashString is FNV-1a over the bytes of s.
func HashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix64 is the splitmix64 finaliser: every input bit affects every output bit,
// so the low bits used for table slots are well spread.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// keyBits is how many bits of a feature hash a model keeps. With 32 bits
// an unseen feature matches a stored one with probability n/2^32 (about
// one lookup in 20,000 for the parser's move model, adding that row's
// weights by mistake), and two trained features share a row as rarely;
// in exchange a key and a row offset, or a key and four 8-bit weights,
// fill one 8-byte slot.
const keyBits = 32

// key reduces a feature to the stored key; 0 is reserved for empty slots.
func key(f Feature) uint64 {
	k := uint64(f) >> (64 - keyBits)
	if k == 0 {
		k = 1
	}
	return k
}
