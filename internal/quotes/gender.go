package quotes

import "strings"

// Given names whose bearer is usually a woman or a man: the last hint for
// "he"/"she" when the document itself gives none (no Mr/Ms, no pronoun
// seen with the name). Only common names of public figures in world news;
// a name absent from both lists leaves the gender open.
var femaleNames = set(`mary louise patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
	margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah
	stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole
	samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia
	julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl megan andrea
	hannah jacqueline ann jean alice kathryn gloria teresa doris sara janice julia marie madison grace
	judy theresa beverly denise marilyn amber danielle rose brittany diana abigail natalie jane lori
	tiffany alexis kayla hillary kamala theresa angela ursula christine kaja nicola yvette priti liz
	marine giorgia sanna jacinda mette ngozi kristalina carrie tsai ingrid greta malala benazir indira
	golda nadia natalia natalya olga irina svetlana tatiana yulia elena ekaterina anastasia maria
	oksana iryna lyudmila valentina marina galina veronika zarina fatima aisha amina leila layla
	zainab mariam maryam hatice emine ayse agnes agnès mariela marta joanna beata ewa agnieszka
	monika magdalena katarzyna sophie claire isabelle nathalie ségolène segolene anne annalena
	angelika birgit petra sabine heike federica chiara francesca giulia alessandra ana carmen lucia
	dilma cristina michelle wendy monica mónica tanya regina emily hana yoko yuriko akiko keiko
	aung suu sheikh hasina imelda corazon leni gabriela irene vera lena sonia sofia sophia`)

var maleNames = set(`james john robert michael william david richard joseph thomas charles christopher
	daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
	ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
	brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose
	adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah
	gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert
	willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby
	philip johnny barack bill boris rishi keir emmanuel olaf vladimir volodymyr sergei sergey dmitry
	dmitri alexei aleksei alexey andrei andriy oleksiy oleksandr mykola petro viktor yuri yury igor
	ivan mikhail nikolai pavel maxim anatoly gennady xi li wang recep tayyip ahmet mehmet mustafa
	mohammed muhammad mohammad mohamed ahmed ali hassan hussein omar abdullah abdel khalid ibrahim
	yousef youssef bashar hosni gamal anwar benjamin naftali yair ehud ariel shimon yitzhak mahmoud
	ismail narendra rahul imran nawaz shinzo fumio yoshihide kim moon yoon jair luiz lula nicolás
	nicolas hugo evo javier alberto mauricio andrés andres marcelo justin stephen pierre jean jacques
	françois francois nicolas emmanuel gérard angelo matteo giuseppe mario silvio sergio pedro
	mariano felipe antónio antonio luís jens mark mette stefan frank helmut gerhard horst olaf
	friedrich karl wolfgang jürgen jurgen lars erik sven mateusz andrzej jarosław jaroslaw donald
	lech paweł pawel tomasz łukasz lukasz joachim krzysztof viktor milos aleksandar recep abiy
	cyril jacob thabo nelson robert emmerson muhammadu bola uhuru william paul yoweri joseph felix
	ashton kino brett mitch chuck`)

// nameGender guesses "m" or "f" from a person's first name, "" when unsure.
func nameGender(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	return givenNameGender(f[0])
}

// givenNameGender is the gender of a given name the lists hold for one
// gender only, or "".
func givenNameGender(given string) string {
	first := strings.ToLower(strings.TrimSuffix(given, "."))
	switch fem, mal := femaleNames[first], maleNames[first]; {
	case fem && !mal:
		return "f"
	case mal && !fem:
		return "m"
	}
	return ""
}
