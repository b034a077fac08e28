package render

import "strings"

// What a page says about itself to search engines and to the previews
// that chats and social networks draw of a link: its canonical address,
// Open Graph and Twitter card tags, and its versions in other languages.
// Every address there must be absolute, so they are given only when the
// site's baseURL is known.

// CardName is the file name of a page's share image, beside its index.html.
const CardName = "card.png"

// Absolute is the site-relative url made absolute with the baseURL, or ""
// when the site has none.
func (v *View) Absolute(url string) string {
	if v.Site.BaseURL == "" {
		return ""
	}
	return v.Site.BaseURL + url
}

// Canonical is this page's absolute address; "" for the 404 page, which
// is served at every missing address, and without a baseURL.
func (v *View) Canonical() string {
	if v.Kind == "404" {
		return ""
	}
	return v.Absolute(v.URL)
}

// ImageURL is the absolute address of the page's share image, or "".
func (v *View) ImageURL() string {
	if v.Image == "" {
		return ""
	}
	return v.Absolute(v.Image)
}

// ShareTitle is the title a link preview shows: the page's, else the site's.
func (v *View) ShareTitle() string {
	if v.Title == "" {
		return v.Site.Title
	}
	return v.Title
}

// OGType is the Open Graph type: an article for a page of text, a website
// for the home page and the lists.
func (v *View) OGType() string {
	switch v.Kind {
	case "case", "framework", "page":
		return "article"
	}
	return "website"
}

// Locale is the Open Graph locale of lang ("en_US", "fi_FI").
func Locale(lang string) string {
	if l, ok := locales[lang]; ok {
		return l
	}
	if len(lang) == 2 {
		return lang + "_" + strings.ToUpper(lang)
	}
	return lang
}

// locales are the languages whose usual country code is not the language
// code in capitals.
var locales = map[string]string{
	"en": "en_US", "sv": "sv_SE", "da": "da_DK", "nb": "nb_NO", "nn": "nn_NO", "ja": "ja_JP",
	"zh": "zh_CN", "ko": "ko_KR", "el": "el_GR", "cs": "cs_CZ", "uk": "uk_UA", "et": "et_EE",
	"he": "he_IL", "ar": "ar_SA", "hi": "hi_IN", "vi": "vi_VN", "sl": "sl_SI", "ga": "ga_IE",
}

// Locale is this page's Open Graph locale.
func (v *View) Locale() string { return Locale(v.Lang) }

// Hreflang lists this page's versions for search engines: itself and each
// translation, by absolute address, and the default language's version
// as x-default. It is empty without a baseURL (hreflang takes absolute
// addresses only) and for a page in one language only.
func (v *View) Hreflang() []Alternate {
	if v.Site.BaseURL == "" || len(v.Alternates) == 0 || v.Kind == "404" {
		return nil
	}
	all := append([]Alternate{{Lang: v.Lang, URL: v.Absolute(v.URL)}}, v.absoluteAlternates()...)
	if len(v.Site.Languages) > 0 {
		for _, a := range all {
			if a.Lang == v.Site.Languages[0] {
				all = append(all, Alternate{Lang: "x-default", URL: a.URL})
				break
			}
		}
	}
	return all
}

func (v *View) absoluteAlternates() []Alternate {
	alts := make([]Alternate, len(v.Alternates))
	for i, a := range v.Alternates {
		alts[i] = Alternate{Lang: a.Lang, Name: a.Name, URL: v.Absolute(a.URL)}
	}
	return alts
}

// AlternateLocales are the Open Graph locales of the page's translations.
func (v *View) AlternateLocales() []string {
	var ls []string
	for _, a := range v.Alternates {
		ls = append(ls, Locale(a.Lang))
	}
	return ls
}
