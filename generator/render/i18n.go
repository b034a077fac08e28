package render

// uiText holds the interface words of the built-in layouts. A language
// without an entry, or a key missing in one, falls back to English.
var uiText = map[string]map[string]string{
	"en": {
		"skip": "Skip to content", "site": "Site", "languages": "Languages",
		"home": "Home", "folders": "Folders", "pages": "Pages", "cases": "Cases", "frameworks": "Frameworks", "industries": "Industries", "tags": "Tags",
		"case": "Case study", "framework": "Framework", "industry": "Industry", "tag": "Tag", "any": "Any",
		"of": "of", "cases_lower": "cases", "frameworks_lower": "frameworks", "industries_lower": "industries", "pages_lower": "pages",
		"feed": "Atom feed", "data": "Library as JSON", "made_with": "Made with casebook",
		"draft": "Draft", "updated": "updated", "story": "The story",
		"confidential_banner": "Confidential: not published", "confidential_hint": "Only this preview shows this page; no published build has it.",
		"not_published": "Not published", "not_published_hint": "The private: fields of this page, for you only.",
		"etd":      "Expected, target, delivered",
		"expected": "Expected", "target": "Target", "delivered": "Delivered",
		"expected_hint":   "What the customer believed they bought",
		"target_hint":     "What the company designed to deliver",
		"delivered_hint":  "What actually happened",
		"gap_positioning": "Expected − Target", "gap_positioning_hint": "A positioning choice",
		"gap_execution": "Target − Delivered", "gap_execution_hint": "An execution failure",
		"points_at": "points at",
		"journey":   "The journey", "journey_caption": "Scores from 0 to 10 at each stage, and the two gaps",
		"stage": "Stage",
		"chain": "Care across the chain", "chain_hint": "Every party between maker and customer, in order, and the care each showed.",
		"care_high": "High care", "care_medium": "Some care", "care_low": "Little care", "care_broken": "Care broken",
		"ratings": "Service and experience", "service": "Customer service", "experience": "Customer experience",
		"quadrant_both_good":                  "Good service and a good experience.",
		"quadrant_experience_despite_service": "A fair experience despite poor service.",
		"quadrant_service_not_enough":         "Good service could not save the experience.",
		"quadrant_both_poor":                  "Poor service and a poor experience.",
		"journey_desc":                        "Expected, target and delivered scores from 0 to 10 at each stage of the journey.",
		"journey_desc_many":                   "Mean expected, target and delivered scores per stage over the %d cases with a journey.",
		"journey_desc_worst":                  "The largest gap between target and delivered is %s points, at %s.",
		"points":                              "pts",
		"across_cases":                        "Across its cases", "journey_caption_many": "Mean scores per stage; under each stage, how many cases have it.",
		"insights": "Insights", "insights_lead": "Where experiences break across the library: by stage, by chain role, by industry, and over time.",
		"insights_all": "Whole library", "insights_filter_industry": "Industry", "insights_filter_framework": "Framework",
		"in_cases": "in %d cases", "chart_data": "The numbers", "year": "Year", "role": "Role", "in_one_case": "in 1 case",
		"gap_by_stage":         "Where delivery falls short, by stage",
		"gap_by_stage_desc":    "Mean Target − Delivered gap at the most common stages; largest at %s, %s points.",
		"gap_by_industry":      "Delivery gaps by industry",
		"gap_by_industry_desc": "Mean of each case's largest Target − Delivered gap, by industry; largest in %s, %s points.",
		"cases_over_time":      "Cases over time",
		"cases_over_time_desc": "%d cases by year, from %s to %s.",
		"insights_none":        "No cases here have journeys, chains or ratings to chart yet.",
		"chain_desc":           "%d parties from maker to customer; care broke at %d of them.",
		"roles_title":          "Where care breaks, by role",
		"roles_desc":           "Chain roles by the care their parties showed; %s broke care %d times in %d.",
		"quadrant_desc":        "Service rated %d and experience %d out of 10.",
		"quadrant_desc_many":   "%d cases placed by their service and experience ratings.", "quadrant_desc_one": "One case placed by its service and experience ratings.",
		"corner_experience_despite_service": "Experience despite service", "corner_both_good": "Both good",
		"corner_both_poor": "Both poor", "corner_service_not_enough": "Service not enough",
		"frameworks_used": "Frameworks applied", "translations": "Translations",
		"backlinks": "Linked from", "connections": "Connections", "graph": "Graph", "graph_title": "The library as a graph",
		"graph_hint":   "Frameworks stand on the inner ring; each case sits near the frameworks it applies, and lines are links. Every dot is a link to its page.",
		"graph_capped": "The graph shows the best connected", "graph_of": "of", "graph_text": "The same, as text: each framework and the cases that apply it", "related": "Related cases", "source": "Source",
		"also_called": "Also called", "cases_applying": "Cases that apply it", "no_cases_yet": "No case applies this framework yet.",
		"recent_cases": "Recent cases", "all_cases": "All cases", "by_industry": "By industry", "by_tag": "By tag",
		"filters": "Filter the cases", "nothing_here": "Nothing here yet.",
		"not_found": "Page not found", "not_found_hint": "There is no page at this address. It may have moved; try the case index or the frameworks.",
		"search": "Search", "search_label": "Search the library", "search_placeholder": "Search cases and frameworks  /",
		"search_noscript": "Search runs in your browser and needs JavaScript. Without it, browse the", "search_or": "or",
		"search_all": "All results", "search_none": "Nothing found. Try fewer or shorter words.", "search_found": "found",
		"search_more": "More results", "search_type": "Type", "search_language": "Language", "page": "Page",
		"search_hint": "Type a word or two; put a phrase in quotes. Typos and other forms of a word are forgiven.",
	},
	"fi": {
		"skip": "Siirry sisältöön", "site": "Sivusto", "languages": "Kielet",
		"home": "Etusivu", "folders": "Kansiot", "pages": "Sivut", "cases": "Tapaukset", "frameworks": "Viitekehykset", "industries": "Toimialat", "tags": "Aiheet",
		"case": "Tapaustutkimus", "framework": "Viitekehys", "industry": "Toimiala", "tag": "Aihe", "any": "Kaikki",
		"of": "/", "cases_lower": "tapausta", "frameworks_lower": "viitekehystä", "industries_lower": "toimialaa", "pages_lower": "sivua",
		"feed": "Atom-syöte", "data": "Kirjasto JSON-muodossa", "made_with": "Tehty casebookilla",
		"draft": "Luonnos", "updated": "päivitetty", "story": "Tarina",
		"confidential_banner": "Luottamuksellinen: ei julkaista", "confidential_hint": "Vain tämä esikatselu näyttää sivun; julkaistu sivusto ei sisällä sitä.",
		"not_published": "Ei julkaista", "not_published_hint": "Sivun private:-kentät, vain sinulle.",
		"etd":      "Odotettu, tavoiteltu, toteutunut",
		"expected": "Odotettu", "target": "Tavoiteltu", "delivered": "Toteutunut",
		"expected_hint":   "Mitä asiakas uskoi ostavansa",
		"target_hint":     "Mitä yritys suunnitteli toimittavansa",
		"delivered_hint":  "Mitä todella tapahtui",
		"gap_positioning": "Odotettu − tavoiteltu", "gap_positioning_hint": "Asemointivalinta",
		"gap_execution": "Tavoiteltu − toteutunut", "gap_execution_hint": "Toteutuksen epäonnistuminen",
		"points_at": "pistettä vaiheessa",
		"journey":   "Asiakkaan polku", "journey_caption": "Pisteet 0–10 kussakin vaiheessa ja kaksi kuilua",
		"stage": "Vaihe",
		"chain": "Välittäminen läpi ketjun", "chain_hint": "Jokainen osapuoli valmistajan ja asiakkaan välillä järjestyksessä, ja miten kukin välitti.",
		"care_high": "Välitti paljon", "care_medium": "Välitti jonkin verran", "care_low": "Välitti vähän", "care_broken": "Välittäminen katkesi",
		"ratings": "Palvelu ja kokemus", "service": "Asiakaspalvelu", "experience": "Asiakaskokemus",
		"quadrant_both_good":                  "Hyvä palvelu ja hyvä kokemus.",
		"quadrant_experience_despite_service": "Kohtuullinen kokemus huonosta palvelusta huolimatta.",
		"quadrant_service_not_enough":         "Hyvä palvelu ei pelastanut kokemusta.",
		"quadrant_both_poor":                  "Huono palvelu ja huono kokemus.",
		"journey_desc":                        "Odotettu, tavoiteltu ja toteutunut arvio asteikolla 0–10 polun jokaisessa vaiheessa.",
		"journey_desc_many":                   "Odotetun, tavoitellun ja toteutuneen keskiarvo vaiheittain %d tapauksesta, joissa on polku.",
		"journey_desc_worst":                  "Suurin ero tavoitteen ja toteutuneen välillä on %s pistettä vaiheessa %s.",
		"points":                              "p.",
		"across_cases":                        "Tapauksissa", "journey_caption_many": "Keskiarvot vaiheittain; vaiheen alla tapausten määrä.",
		"insights": "Näkymät", "insights_lead": "Missä kokemukset katkeavat koko kirjastossa: vaiheittain, ketjun rooleittain, toimialoittain ja ajan mittaan.",
		"insights_all": "Koko kirjasto", "insights_filter_industry": "Toimiala", "insights_filter_framework": "Viitekehys",
		"in_cases": "%d tapauksessa", "chart_data": "Luvut", "year": "Vuosi", "role": "Rooli", "in_one_case": "1 tapauksessa",
		"gap_by_stage":         "Missä toteutus jää tavoitteesta, vaiheittain",
		"gap_by_stage_desc":    "Tavoitteen ja toteutuneen keskimääräinen ero yleisimmissä vaiheissa; suurin vaiheessa %s, %s pistettä.",
		"gap_by_industry":      "Toteutuksen erot toimialoittain",
		"gap_by_industry_desc": "Tapausten suurimman eron keskiarvo toimialoittain; suurin toimialalla %s, %s pistettä.",
		"cases_over_time":      "Tapaukset ajan mittaan",
		"cases_over_time_desc": "%d tapausta vuosittain, %s–%s.",
		"insights_none":        "Täällä ei vielä ole tapauksia, joiden polkuja, ketjuja tai arvioita voisi piirtää.",
		"chain_desc":           "%d osapuolta valmistajasta asiakkaaseen; huolenpito katkesi %d kohdassa.",
		"roles_title":          "Missä huolenpito katkeaa, rooleittain",
		"roles_desc":           "Ketjun roolit osapuolten huolenpidon mukaan; %s katkaisi huolenpidon %d kertaa %d:sta.",
		"quadrant_desc":        "Palvelu arvioitu %d ja kokemus %d asteikolla 0–10.",
		"quadrant_desc_many":   "%d tapausta palvelu- ja kokemusarvioiden mukaan.", "quadrant_desc_one": "Yksi tapaus palvelu- ja kokemusarvioidensa mukaan.",
		"corner_experience_despite_service": "Kokemus palvelusta huolimatta", "corner_both_good": "Molemmat hyviä",
		"corner_both_poor": "Molemmat heikkoja", "corner_service_not_enough": "Palvelu ei riittänyt",
		"frameworks_used": "Sovelletut viitekehykset", "translations": "Käännökset",
		"backlinks": "Linkitetty sivuilta", "connections": "Yhteydet", "graph": "Verkko", "graph_title": "Kirjasto verkkona",
		"graph_hint":   "Viitekehykset ovat sisäkehällä; kukin tapaus on niiden viitekehysten lähellä, joita se soveltaa, ja viivat ovat linkkejä. Jokainen piste on linkki sivulleen.",
		"graph_capped": "Verkossa näkyvät parhaiten yhdistetyt", "graph_of": "/", "graph_text": "Sama tekstinä: kukin viitekehys ja sitä soveltavat tapaukset", "related": "Samankaltaiset tapaukset", "source": "Lähde",
		"also_called": "Myös", "cases_applying": "Tapaukset, jotka soveltavat tätä", "no_cases_yet": "Mikään tapaus ei vielä sovella tätä viitekehystä.",
		"recent_cases": "Uusimmat tapaukset", "all_cases": "Kaikki tapaukset", "by_industry": "Toimialoittain", "by_tag": "Aiheittain",
		"filters": "Suodata tapauksia", "nothing_here": "Täällä ei ole vielä mitään.",
		"not_found": "Sivua ei löytynyt", "not_found_hint": "Tässä osoitteessa ei ole sivua. Se on ehkä siirtynyt; kokeile tapaushakemistoa tai viitekehyksiä.",
		"search": "Haku", "search_label": "Hae kirjastosta", "search_placeholder": "Hae tapauksia ja viitekehyksiä  /",
		"search_noscript": "Haku toimii selaimessa ja tarvitsee JavaScriptin. Ilman sitä selaa", "search_or": "tai",
		"search_all": "Kaikki tulokset", "search_none": "Mitään ei löytynyt. Kokeile vähempiä tai lyhyempiä sanoja.", "search_found": "löytyi",
		"search_more": "Lisää tuloksia", "search_type": "Tyyppi", "search_language": "Kieli", "page": "Sivu",
		"search_hint": "Kirjoita sana tai kaksi; laita fraasi lainausmerkkeihin. Kirjoitusvirheet ja sanan muut muodot löytyvät.",
	},
}

var languageNames = map[string]string{
	"en": "English", "fi": "Suomi", "sv": "Svenska", "de": "Deutsch", "fr": "Français", "es": "Español", "et": "Eesti",
}

// Text is the interface text for key in lang, falling back to English and
// then to the key itself, so a missing string shows rather than vanishes.
func Text(lang, key string) string {
	if s, ok := uiText[lang][key]; ok {
		return s
	}
	if s, ok := uiText["en"][key]; ok {
		return s
	}
	return key
}

// LanguageName is a language's own name, or its code if unknown.
func LanguageName(lang string) string {
	if n, ok := languageNames[lang]; ok {
		return n
	}
	return lang
}
