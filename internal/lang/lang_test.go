package lang

import (
	"strings"
	"testing"
)

// Sentences written for these tests: a short news lead in each language.
var samples = []struct{ want, text string }{
	{"en", "The foreign minister said on Tuesday that the talks would resume next week in Geneva, and that both delegations had agreed on the agenda."},
	{"fr", "Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève et que les deux délégations étaient d'accord sur l'ordre du jour."},
	{"de", "Der Außenminister sagte am Dienstag, dass die Gespräche in der nächsten Woche in Genf wieder aufgenommen werden und dass sich beide Delegationen auf die Tagesordnung geeinigt haben."},
	{"es", "El ministro de Asuntos Exteriores dijo el martes que las negociaciones se reanudarán la próxima semana en Ginebra y que las dos delegaciones están de acuerdo con la agenda."},
	{"it", "Il ministro degli Esteri ha detto martedì che i negoziati riprenderanno la prossima settimana a Ginevra e che le due delegazioni si sono accordate sull'agenda."},
	{"pt", "O ministro dos Negócios Estrangeiros disse na terça-feira que as negociações serão retomadas na próxima semana em Genebra e que as duas delegações estão de acordo com a agenda."},
	{"nl", "De minister van Buitenlandse Zaken zei dinsdag dat de gesprekken volgende week in Genève worden hervat en dat beide delegaties het eens zijn over de agenda."},
	{"pl", "Minister spraw zagranicznych powiedział we wtorek, że rozmowy zostaną wznowione w przyszłym tygodniu w Genewie i że obie delegacje zgodziły się co do porządku obrad."},
	{"ru", "Министр иностранных дел заявил во вторник, что переговоры возобновятся на следующей неделе в Женеве и что обе делегации согласовали повестку дня."},
	{"uk", "Міністр закордонних справ заявив у вівторок, що переговори відновляться наступного тижня в Женеві і що обидві делегації погодили порядок денний."},
	{"ar", "قال وزير الخارجية يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل في جنيف وإن الوفدين اتفقا على جدول الأعمال الذي تم تحديده من قبل."},
	{"fa", "وزیر امور خارجه روز سه شنبه گفت که مذاکرات هفته آینده در ژنو از سر گرفته می شود و هر دو هیئت در مورد دستور کار به توافق رسیده اند."},
	{"zh", "外交部长星期二表示，会谈将于下周在日内瓦恢复，双方代表团已就议程达成一致。"},
	{"ja", "外務大臣は火曜日、協議が来週ジュネーブで再開され、両代表団が議題について合意したと述べた。"},
	{"ko", "외무장관은 화요일 회담이 다음 주 제네바에서 재개될 것이며 양측 대표단이 의제에 합의했다고 말했다."},
	{"el", "Ο υπουργός Εξωτερικών δήλωσε την Τρίτη ότι οι συνομιλίες θα επαναληφθούν την επόμενη εβδομάδα στη Γενεύη."},
	{"he", "שר החוץ אמר ביום שלישי כי השיחות יתחדשו בשבוע הבא בז'נבה וכי שתי המשלחות הסכימו על סדר היום."},
}

func TestDetect(t *testing.T) {
	for _, s := range samples {
		if got := Detect(s.text); got != s.want {
			t.Errorf("Detect(%.40q) = %q, want %q", s.text, got, s.want)
		}
	}
}

// TestUnsure: too little text, or a language without a profile, gives ""
// rather than a wrong code.
func TestUnsure(t *testing.T) {
	for _, text := range []string{
		"",
		"Kyiv",
		"OK 123 456",
		"NATO UN EU OSCE G7",
		// Finnish and Hungarian: Latin script, no profile.
		"Ulkoministeri sanoi tiistaina, että neuvottelut jatkuvat ensi viikolla Genevessä ja että molemmat valtuuskunnat ovat sopineet asialistasta.",
		"A külügyminiszter kedden azt mondta, hogy a tárgyalások jövő héten Genfben folytatódnak, és mindkét küldöttség megegyezett a napirendről.",
		// Hindi in Devanagari: script shared by several languages.
		"विदेश मंत्री ने मंगलवार को कहा कि वार्ता अगले सप्ताह जिनेवा में फिर से शुरू होगी।",
	} {
		if got := Detect(text); got != "" {
			t.Errorf("Detect(%.40q) = %q, want \"\"", text, got)
		}
	}
}

// TestLongText checks that only the sample at the start is looked at and a
// long English text stays English.
func TestLongText(t *testing.T) {
	text := strings.Repeat(samples[0].text+" ", 500)
	if got := Detect(text); got != "en" {
		t.Errorf("Detect(long English) = %q", got)
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat(samples[0].text+" ", 20) // ~3 KB, a typical article lead
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}
