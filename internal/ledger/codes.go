package ledger

import "strings"

// class is what a CAMEO code means for the ledger.
type class struct {
	role    string // Opens, Accepts, Fulfils, Rejects, NonAnswer; "" = not ledger business
	kind    string // for openers: request, demand, intention, offer, threat
	subject string // normalised subject; "" on an answer = whatever was asked
	// mayAccept marks intentions that answer an open ask from the other side
	// ("agreed to meet" after a request to meet) rather than open a thread.
	mayAccept bool
}

// Unspecified is the subject of an ask whose CAMEO code names none.
const Unspecified = "unspecified"

// subjects maps CAMEO codes (longest prefix wins) to the subject they are about.
// Asks (02x appeal, 03x intent, 10x demand), refusals (12x) and the deeds that
// fulfil them share subjects, which is how an answer finds its ask.
var subjects = map[string]string{
	// meeting or negotiation
	"026": "meeting", "036": "meeting", "108": "meeting", "125": "meeting",
	"040": "meeting", "041": "meeting", "042": "meeting", "043": "meeting", "044": "meeting", "046": "meeting",
	// mediation
	"028": "mediation", "038": "mediation", "039": "mediation", "105": "mediation", "126": "mediation", "045": "mediation",
	// settlement of the dispute
	"027": "settlement", "037": "settlement", "127": "settlement", "057": "settlement",
	// ceasefire and de-escalation
	"0256": "ceasefire", "0356": "ceasefire", "1056": "ceasefire", "107": "ceasefire", "1246": "ceasefire", "087": "ceasefire",
	// withdrawal
	"106": "withdrawal", "0874": "withdrawal",
	// release of persons or property
	"0253": "release", "0353": "release", "1053": "release", "1243": "release", "084": "release",
	// sanctions relief
	"0251": "sanctions relief", "0254": "sanctions relief", "0351": "sanctions relief", "0354": "sanctions relief",
	"1051": "sanctions relief", "1054": "sanctions relief", "1241": "sanctions relief", "1244": "sanctions relief",
	"081": "sanctions relief", "085": "sanctions relief",
	// aid
	"023": "aid", "033": "aid", "103": "aid", "122": "aid", "070": "aid",
	"0231": "economic aid", "0331": "economic aid", "1031": "economic aid", "1221": "economic aid", "071": "economic aid",
	"0232": "military aid", "0332": "military aid", "1032": "military aid", "1222": "military aid", "072": "military aid",
	"0233": "humanitarian aid", "0333": "humanitarian aid", "1033": "humanitarian aid", "1223": "humanitarian aid",
	"073": "humanitarian aid", "0863": "humanitarian aid",
	"0234": "protection", "0334": "protection", "1034": "protection", "1224": "protection", "074": "protection", "0861": "protection",
	// cooperation
	"021": "cooperation", "031": "cooperation", "1011": "cooperation", "1012": "cooperation", "1013": "cooperation",
	"1014": "cooperation", "121": "cooperation", "06": "cooperation",
	// diplomatic support
	"022": "policy support", "032": "policy support", "102": "policy support", "051": "policy support", "053": "policy support",
	// political reform
	"024": "political reform", "034": "political reform", "104": "political reform", "123": "political reform", "083": "political reform",
	// international involvement (inspectors, observers)
	"0255": "international involvement", "0355": "international involvement", "1055": "international involvement",
	"1245": "international involvement", "086": "international involvement", "0862": "international involvement",
	// threats and their execution
	"1312": "sanctions", "163": "sanctions",
	"138": "use of force", "18": "use of force", "19": "use of force", "20": "use of force",
	"134": "halting talks", "1311": "aid cut", "1313": "breaking relations", "161": "breaking relations",
}

func subjectOf(code string) string {
	for n := len(code); n >= 2; n-- {
		if s, ok := subjects[code[:n]]; ok {
			return s
		}
	}
	return ""
}

// classify reads a CAMEO code for the ledger.
func classify(code string) class {
	if len(code) < 2 {
		return class{}
	}
	subject := subjectOf(code)
	// An ask the code does not narrow down ("called on Italy to join the
	// project", "demanded an explanation") is still an ask: its sentence
	// says what about.
	asked := subject
	if asked == "" {
		asked = Unspecified
	}
	switch root := code[:2]; {
	case code == "011":
		return class{role: NonAnswer}
	case root == "02":
		return class{role: Opens, kind: "request", subject: asked}
	case root == "10":
		return class{role: Opens, kind: "demand", subject: asked}
	case root == "03" && subject != "":
		kind := "intention"
		if strings.HasPrefix(code, "033") || code == "039" {
			kind = "offer"
		}
		return class{role: Opens, kind: kind, subject: subject, mayAccept: true}
	case root == "03":
		// "agreed", "pledged to cooperate": an answer to whatever the other
		// side asked, and no thread of its own.
		return class{role: Accepts}
	case root == "13":
		return class{role: Opens, kind: "threat", subject: asked}
	case root == "12":
		// A bare rejection answers whatever the other side asked last.
		return class{role: Rejects, subject: subject}
	case subject != "" && (root == "04" || root == "05" || root == "06" || root == "07" || root == "08" ||
		root == "16" || root == "18" || root == "19" || root == "20"):
		return class{role: Fulfils, subject: subject}
	}
	return class{}
}
