// Package lang tells the language of a text: offline, fast, and honest
// about doubt. Scripts decide most languages outright (Greek, Hangul, kana);
// languages sharing a script (Latin, Cyrillic, Arabic) are told apart by
// their most frequent function words and a few distinctive letters. When no
// profile fits clearly, Detect returns "" rather than a wrong code.
package lang

import (
	"slices"
	"strings"
	"unicode"
)

// sampleBytes is how much of a text is looked at: news leads are enough.
const sampleBytes = 8 << 10

// minLetters below which Detect does not guess.
const minLetters = 12

// Detect returns the ISO 639-1 code of text's language, or "" when unsure.
func Detect(text string) string {
	if len(text) > sampleBytes {
		text = text[:sampleBytes]
	}
	var c counts
	for _, r := range text {
		c.add(r)
	}
	if c.letters < minLetters {
		return ""
	}
	switch c.dominant() {
	case latin:
		return byWords(text, latinSet)
	case cyrillic:
		return byWords(text, cyrillicSet)
	case arabic:
		return byWords(text, arabicSet)
	case han:
		if c.n[kana]*10 > c.n[han] {
			return "ja"
		}
		return "zh"
	case kana:
		return "ja"
	case hangul:
		return "ko"
	case greek:
		return "el"
	case hebrew:
		return "he"
	case thai:
		return "th"
	case armenian:
		return "hy"
	case georgian:
		return "ka"
	}
	return ""
}

type script int

const (
	other script = iota
	latin
	cyrillic
	arabic
	han
	kana
	hangul
	greek
	hebrew
	thai
	armenian
	georgian
	nScripts
)

var scriptTables = []struct {
	s script
	t *unicode.RangeTable
}{
	{latin, unicode.Latin}, {cyrillic, unicode.Cyrillic}, {arabic, unicode.Arabic},
	{han, unicode.Han}, {kana, unicode.Hiragana}, {kana, unicode.Katakana},
	{hangul, unicode.Hangul}, {greek, unicode.Greek}, {hebrew, unicode.Hebrew},
	{thai, unicode.Thai}, {armenian, unicode.Armenian}, {georgian, unicode.Georgian},
}

type counts struct {
	n       [nScripts]int
	letters int
}

func (c *counts) add(r rune) {
	if !unicode.IsLetter(r) {
		return
	}
	c.letters++
	if r < 0x250 {
		// Fast path for ASCII and Latin-1/Extended-A/B, the common case.
		c.n[latin]++
		return
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			c.n[st.s]++
			return
		}
	}
	c.n[other]++
}

// dominant is the script of more than half the letters, with Japanese
// (kanji mixed with kana) counted as one.
func (c *counts) dominant() script {
	best, bestN := other, 0
	for s := latin; s < nScripts; s++ {
		n := c.n[s]
		if s == han {
			n += c.n[kana]
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	if bestN*2 <= c.letters {
		return other
	}
	return best
}

// profile is a language's frequent function words.
type profile struct {
	code  string
	words []string
}

// letterHint gives weight to letters found in one language of a script only.
type letterHint struct {
	code    string
	letters string
	profile int // index of code in the set, filled by newSet
}

// byWords scores each profile by the share of the text's words it
// contains, each word weighted by how few profiles share it, adds letter
// hints, and answers only when the best profile is clearly ahead.
func byWords(text string, set *profileSet) string {
	scores := make([]float64, len(set.profiles))
	words := 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), notWordRune) {
		words++
		langs := set.index[w]
		for _, i := range langs {
			scores[i] += 1 / float64(len(langs))
		}
	}
	if words < 3 {
		return ""
	}
	for _, h := range set.hints {
		n := 0
		for _, r := range text {
			if strings.ContainsRune(h.letters, unicode.ToLower(r)) {
				n++
			}
		}
		// A distinctive letter counts like half a function word.
		scores[h.profile] += float64(n) / 2
	}
	best, second := 0, 0.0
	for i, s := range scores[1:] {
		if s > scores[best] {
			best, second = i+1, scores[best]
		} else if s > second {
			second = s
		}
	}
	top := scores[best]
	// Function words make up a third or more of running text in every
	// profiled language; under a tenth, the text is in none of them.
	if top < float64(words)*0.10 || top < 2 || top < second*1.5 {
		return ""
	}
	return set.profiles[best].code
}

func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && r != '\'' && r != '’'
}

// profileSet is the profiles of one script with its word index.
type profileSet struct {
	profiles []profile
	hints    []letterHint
	index    map[string][]int // word -> indexes of the profiles holding it
}

func newSet(ps []profile, hints []letterHint) *profileSet {
	set := &profileSet{profiles: ps, hints: hints, index: map[string][]int{}}
	for i, p := range ps {
		for _, w := range p.words {
			set.index[w] = append(set.index[w], i)
		}
	}
	for i, h := range set.hints {
		set.hints[i].profile = slices.IndexFunc(ps, func(p profile) bool { return p.code == h.code })
	}
	return set
}

func split(s string) []string { return strings.Fields(s) }

// Word lists: the most frequent function words of each language (articles,
// pronouns, prepositions, conjunctions, auxiliaries), written for parley.
// Latin-script languages beyond the ten parley names are profiled too, so
// that Dutch is not taken for German nor Romanian for Italian.
var latinSet = newSet([]profile{
	{"en", split("the of and to in a is that for on with as was by at it from be are have has had not this but he she they we his her their an or which will were been said would its who more than also after about")},
	{"fr", split("le la les de des du un une et est en que qui dans pour pas sur au aux par plus ne se ce il elle ils sont avec été cette son sa ses leur mais ou a l'a c'est d'un d'une l'on qu'il")},
	{"de", split("der die das und ist nicht den dem des ein eine einer einen zu mit sich auf für von im ist sie er es wir auch als bei wurde hat werden nach aus wie noch über oder aber vor zum zur")},
	{"es", split("el la los las de del y en que un una es por con para se no al lo como más pero sus su le ha fue son está este esta entre sobre también ya hasta desde muy")},
	{"it", split("il lo la i gli le di del della dei e è che un una per con non si da in al alla sono ha anche come più nel nella ma questo questa essere stato tra sulla")},
	{"pt", split("o a os as de do da dos das e em um uma que é para com não no na por se mais ao como foi pelo pela são seu sua também já entre ou muito está")},
	{"nl", split("de het een en van in is dat op te zijn voor met niet die er aan ook als door maar om bij nog wordt werd naar dan of uit hij zij wij heeft")},
	{"pl", split("i w na z nie się że do to jest jak o od po za przez dla ale czy już tak jego jej są być był była oraz który która które także")},
	{"ro", split("și în de la cu pe că nu o un este sunt pentru care din mai dar ce se au a fost sau să ale lui ei acest această fi")},
	{"tr", split("ve bir bu da de için ile olarak çok daha gibi olan en ama ne kadar sonra ise değil var yok o şu her göre ancak")},
	{"sv", split("och i att det som en på är av för med till den har de inte om ett han men var så från vid kan sig hon eller efter")},
	{"id", split("yang dan di itu dengan untuk dari dalam ini tidak akan pada juga ke karena oleh ada adalah bisa atau telah mereka kami sudah")},
	{"cs", split("a v se na je že s z do o to i jako pro by ve k po ale jsou jeho také od bylo byl byla už podle které který která")},
}, nil)

var cyrillicSet = newSet([]profile{
	{"ru", split("и в не на что с он как это по к но из у за от о же то все она так его для мы они бы был была было ли уже или только если при до")},
	{"uk", split("і в не на що з та як це до у за від про але й ж його її вони він вона ми був була було вже або тільки якщо при для із яка який які")},
	{"bg", split("и в на за не да се от че е с по са като ще това той тя те но към му през след беше бяха със")},
	{"sr", split("и у на за не да се од је са по су као ће то он она они али ка му кроз после био била")},
}, []letterHint{
	{code: "ru", letters: "ыэё"},
	{code: "uk", letters: "іїєґ"},
	{code: "sr", letters: "ђјљњћџ"},
	{code: "bg", letters: "ъ"},
})

var arabicSet = newSet([]profile{
	{"ar", split("في من على إلى أن التي الذي عن مع هذا هذه كان قد ما لا أو ثم بين كما إن الى على وقد وفي")},
	{"fa", split("و در به از که این را با است برای آن یک تا هم می شد شده بود خود ها نیز اما")},
	{"ur", split("کے کی میں ہے اور کو سے نے یہ کہ پر ہیں تھا گیا کر بھی ایک وہ")},
}, []letterHint{
	{code: "fa", letters: "پچژگی"},
	{code: "ur", letters: "ٹڈڑںےہ"},
})
