/**
 * ICAO Doc 9303 Part 3 codes for states, entities and organisations as they appear in an MRZ (3 characters,
 * filler-padded: Germany is "D<<"). Names are the English short names; `aliases` adds other printed forms
 * (full official names, nationalities as printed on data pages) used to compare a visual zone with the MRZ.
 */
interface CountryEntry {
  code: string;
  name: string;
  aliases?: string[];
}

const ISO_AND_ICAO: CountryEntry[] = [
  { code: "AFG", name: "Afghanistan", aliases: ["Afghan"] },
  { code: "ALB", name: "Albania", aliases: ["Albanian", "Shqiptare"] },
  { code: "DZA", name: "Algeria", aliases: ["Algerian"] },
  { code: "ASM", name: "American Samoa" },
  { code: "AND", name: "Andorra", aliases: ["Andorran"] },
  { code: "AGO", name: "Angola", aliases: ["Angolan"] },
  { code: "AIA", name: "Anguilla" },
  { code: "ATA", name: "Antarctica" },
  { code: "ATG", name: "Antigua and Barbuda" },
  { code: "ARG", name: "Argentina", aliases: ["Argentine", "Argentina Republic", "Argentinian"] },
  { code: "ARM", name: "Armenia", aliases: ["Armenian"] },
  { code: "ABW", name: "Aruba" },
  { code: "AUS", name: "Australia", aliases: ["Australian"] },
  { code: "AUT", name: "Austria", aliases: ["Austrian", "Osterreich", "Republik Osterreich"] },
  { code: "AZE", name: "Azerbaijan", aliases: ["Azerbaijani"] },
  { code: "BHS", name: "Bahamas", aliases: ["The Bahamas", "Bahamian"] },
  { code: "BHR", name: "Bahrain", aliases: ["Bahraini"] },
  { code: "BGD", name: "Bangladesh", aliases: ["Bangladeshi"] },
  { code: "BRB", name: "Barbados", aliases: ["Barbadian"] },
  { code: "BLR", name: "Belarus", aliases: ["Belarusian"] },
  { code: "BEL", name: "Belgium", aliases: ["Belgian", "Belge", "Belgische"] },
  { code: "BLZ", name: "Belize", aliases: ["Belizean"] },
  { code: "BEN", name: "Benin", aliases: ["Beninese"] },
  { code: "BMU", name: "Bermuda" },
  { code: "BTN", name: "Bhutan", aliases: ["Bhutanese"] },
  { code: "BOL", name: "Bolivia", aliases: ["Plurinational State of Bolivia", "Bolivian"] },
  { code: "BES", name: "Bonaire, Sint Eustatius and Saba" },
  { code: "BIH", name: "Bosnia and Herzegovina" },
  { code: "BWA", name: "Botswana", aliases: ["Motswana"] },
  { code: "BVT", name: "Bouvet Island" },
  { code: "BRA", name: "Brazil", aliases: ["Brasil", "Brazilian", "Brasileira", "Brasileiro"] },
  { code: "IOT", name: "British Indian Ocean Territory" },
  { code: "BRN", name: "Brunei Darussalam", aliases: ["Brunei"] },
  { code: "BGR", name: "Bulgaria", aliases: ["Bulgarian"] },
  { code: "BFA", name: "Burkina Faso" },
  { code: "BDI", name: "Burundi" },
  { code: "CPV", name: "Cabo Verde", aliases: ["Cape Verde"] },
  { code: "KHM", name: "Cambodia", aliases: ["Cambodian"] },
  { code: "CMR", name: "Cameroon", aliases: ["Cameroonian"] },
  { code: "CAN", name: "Canada", aliases: ["Canadian", "Canadienne", "Canadian/Canadienne"] },
  { code: "CYM", name: "Cayman Islands" },
  { code: "CAF", name: "Central African Republic" },
  { code: "TCD", name: "Chad", aliases: ["Chadian"] },
  { code: "CHL", name: "Chile", aliases: ["Chilean", "Chilena"] },
  { code: "CHN", name: "China", aliases: ["People's Republic of China", "Chinese"] },
  { code: "CXR", name: "Christmas Island" },
  { code: "CCK", name: "Cocos (Keeling) Islands" },
  { code: "COL", name: "Colombia", aliases: ["Colombian", "Colombiana", "Colombiano"] },
  { code: "COM", name: "Comoros" },
  { code: "COG", name: "Congo", aliases: ["Republic of the Congo"] },
  { code: "COD", name: "Democratic Republic of the Congo", aliases: ["Congo, Democratic Republic of the"] },
  { code: "COK", name: "Cook Islands" },
  { code: "CRI", name: "Costa Rica", aliases: ["Costa Rican"] },
  { code: "CIV", name: "Cote d'Ivoire", aliases: ["Ivory Coast", "Ivorian", "Ivoirienne"] },
  { code: "HRV", name: "Croatia", aliases: ["Croatian", "Hrvatsko", "Republika Hrvatska"] },
  { code: "CUB", name: "Cuba", aliases: ["Cuban", "Cubana", "Cubano"] },
  { code: "CUW", name: "Curacao" },
  { code: "CYP", name: "Cyprus", aliases: ["Cypriot"] },
  { code: "CZE", name: "Czechia", aliases: ["Czech Republic", "Czech", "Ceska Republika"] },
  { code: "DNK", name: "Denmark", aliases: ["Danish", "Dansk", "Danmark"] },
  { code: "DJI", name: "Djibouti" },
  { code: "DMA", name: "Dominica" },
  { code: "DOM", name: "Dominican Republic", aliases: ["Dominicana", "Dominicano"] },
  { code: "ECU", name: "Ecuador", aliases: ["Ecuadorian", "Ecuatoriana", "Ecuatoriano"] },
  { code: "EGY", name: "Egypt", aliases: ["Arab Republic of Egypt", "Egyptian"] },
  { code: "SLV", name: "El Salvador", aliases: ["Salvadoran"] },
  { code: "GNQ", name: "Equatorial Guinea" },
  { code: "ERI", name: "Eritrea", aliases: ["Eritrean"] },
  { code: "EST", name: "Estonia", aliases: ["Estonian", "Eesti"] },
  { code: "SWZ", name: "Eswatini", aliases: ["Swaziland"] },
  { code: "ETH", name: "Ethiopia", aliases: ["Ethiopian"] },
  { code: "FLK", name: "Falkland Islands (Malvinas)", aliases: ["Falkland Islands"] },
  { code: "FRO", name: "Faroe Islands" },
  { code: "FJI", name: "Fiji", aliases: ["Fijian"] },
  { code: "FIN", name: "Finland", aliases: ["Finnish", "Suomi", "Suomen"] },
  { code: "FRA", name: "France", aliases: ["French", "Francaise", "Republique Francaise"] },
  { code: "GUF", name: "French Guiana" },
  { code: "PYF", name: "French Polynesia" },
  { code: "ATF", name: "French Southern Territories" },
  { code: "GAB", name: "Gabon", aliases: ["Gabonese"] },
  { code: "GMB", name: "Gambia", aliases: ["The Gambia", "Gambian"] },
  { code: "GEO", name: "Georgia", aliases: ["Georgian"] },
  { code: "D", name: "Germany", aliases: ["Deutsch", "Deutschland", "German", "Bundesrepublik Deutschland"] },
  { code: "GHA", name: "Ghana", aliases: ["Ghanaian"] },
  { code: "GIB", name: "Gibraltar" },
  { code: "GRC", name: "Greece", aliases: ["Greek", "Hellenic", "Hellenic Republic", "Elliniki"] },
  { code: "GRL", name: "Greenland" },
  { code: "GRD", name: "Grenada" },
  { code: "GLP", name: "Guadeloupe" },
  { code: "GUM", name: "Guam" },
  { code: "GTM", name: "Guatemala", aliases: ["Guatemalan"] },
  { code: "GGY", name: "Guernsey" },
  { code: "GIN", name: "Guinea", aliases: ["Guinean"] },
  { code: "GNB", name: "Guinea-Bissau" },
  { code: "GUY", name: "Guyana", aliases: ["Guyanese"] },
  { code: "HTI", name: "Haiti", aliases: ["Haitian"] },
  { code: "HMD", name: "Heard Island and McDonald Islands" },
  { code: "VAT", name: "Holy See", aliases: ["Vatican City State", "Vatican"] },
  { code: "HND", name: "Honduras", aliases: ["Honduran"] },
  { code: "HKG", name: "Hong Kong", aliases: ["Hong Kong SAR", "Hong Kong Special Administrative Region of China"] },
  { code: "HUN", name: "Hungary", aliases: ["Hungarian", "Magyar"] },
  { code: "ISL", name: "Iceland", aliases: ["Icelandic", "Island"] },
  { code: "IND", name: "India", aliases: ["Indian"] },
  { code: "IDN", name: "Indonesia", aliases: ["Indonesian"] },
  { code: "IRN", name: "Iran", aliases: ["Islamic Republic of Iran", "Iranian"] },
  { code: "IRQ", name: "Iraq", aliases: ["Iraqi"] },
  { code: "IRL", name: "Ireland", aliases: ["Irish", "Eireannach", "Eire"] },
  { code: "IMN", name: "Isle of Man" },
  { code: "ISR", name: "Israel", aliases: ["Israeli"] },
  { code: "ITA", name: "Italy", aliases: ["Italian", "Italiana", "Repubblica Italiana"] },
  { code: "JAM", name: "Jamaica", aliases: ["Jamaican"] },
  { code: "JPN", name: "Japan", aliases: ["Japanese"] },
  { code: "JEY", name: "Jersey" },
  { code: "JOR", name: "Jordan", aliases: ["Jordanian"] },
  { code: "KAZ", name: "Kazakhstan", aliases: ["Kazakh"] },
  { code: "KEN", name: "Kenya", aliases: ["Kenyan"] },
  { code: "KIR", name: "Kiribati" },
  { code: "PRK", name: "Democratic People's Republic of Korea", aliases: ["North Korea"] },
  { code: "KOR", name: "Republic of Korea", aliases: ["Korea", "South Korea", "Korean"] },
  { code: "KWT", name: "Kuwait", aliases: ["Kuwaiti"] },
  { code: "KGZ", name: "Kyrgyzstan", aliases: ["Kyrgyz"] },
  { code: "LAO", name: "Lao People's Democratic Republic", aliases: ["Laos", "Lao"] },
  { code: "LVA", name: "Latvia", aliases: ["Latvian", "Latvija"] },
  { code: "LBN", name: "Lebanon", aliases: ["Lebanese"] },
  { code: "LSO", name: "Lesotho" },
  { code: "LBR", name: "Liberia", aliases: ["Liberian"] },
  { code: "LBY", name: "Libya", aliases: ["Libyan"] },
  { code: "LIE", name: "Liechtenstein" },
  { code: "LTU", name: "Lithuania", aliases: ["Lithuanian", "Lietuvos"] },
  { code: "LUX", name: "Luxembourg", aliases: ["Luxembourgish", "Luxembourgeoise"] },
  { code: "MAC", name: "Macao", aliases: ["Macau", "Macao SAR", "Macao Special Administrative Region of China"] },
  { code: "MDG", name: "Madagascar", aliases: ["Malagasy"] },
  { code: "MWI", name: "Malawi", aliases: ["Malawian"] },
  { code: "MYS", name: "Malaysia", aliases: ["Malaysian"] },
  { code: "MDV", name: "Maldives", aliases: ["Maldivian"] },
  { code: "MLI", name: "Mali", aliases: ["Malian"] },
  { code: "MLT", name: "Malta", aliases: ["Maltese"] },
  { code: "MHL", name: "Marshall Islands" },
  { code: "MTQ", name: "Martinique" },
  { code: "MRT", name: "Mauritania", aliases: ["Mauritanian"] },
  { code: "MUS", name: "Mauritius", aliases: ["Mauritian"] },
  { code: "MYT", name: "Mayotte" },
  { code: "MEX", name: "Mexico", aliases: ["Mexican", "Mexicana", "Mexicano", "Estados Unidos Mexicanos"] },
  { code: "FSM", name: "Micronesia", aliases: ["Federated States of Micronesia"] },
  { code: "MDA", name: "Republic of Moldova", aliases: ["Moldova", "Moldovan"] },
  { code: "MCO", name: "Monaco", aliases: ["Monegasque"] },
  { code: "MNG", name: "Mongolia", aliases: ["Mongolian"] },
  { code: "MNE", name: "Montenegro", aliases: ["Montenegrin"] },
  { code: "MSR", name: "Montserrat" },
  { code: "MAR", name: "Morocco", aliases: ["Moroccan"] },
  { code: "MOZ", name: "Mozambique", aliases: ["Mozambican"] },
  { code: "MMR", name: "Myanmar", aliases: ["Burma", "Myanmar (Burma)"] },
  { code: "NAM", name: "Namibia", aliases: ["Namibian"] },
  { code: "NRU", name: "Nauru" },
  { code: "NPL", name: "Nepal", aliases: ["Nepalese", "Nepali"] },
  { code: "NLD", name: "Netherlands", aliases: ["Kingdom of the Netherlands", "Dutch", "Nederlandse", "Nederland"] },
  { code: "NCL", name: "New Caledonia" },
  { code: "NZL", name: "New Zealand", aliases: ["New Zealander", "New Zealand Citizen"] },
  { code: "NIC", name: "Nicaragua", aliases: ["Nicaraguan"] },
  { code: "NER", name: "Niger", aliases: ["Nigerien"] },
  { code: "NGA", name: "Nigeria", aliases: ["Nigerian"] },
  { code: "NIU", name: "Niue" },
  { code: "NFK", name: "Norfolk Island" },
  { code: "MKD", name: "North Macedonia", aliases: ["Republic of North Macedonia", "Macedonian"] },
  { code: "MNP", name: "Northern Mariana Islands" },
  { code: "NOR", name: "Norway", aliases: ["Norwegian", "Norsk", "Norge"] },
  { code: "OMN", name: "Oman", aliases: ["Omani"] },
  { code: "PAK", name: "Pakistan", aliases: ["Pakistani"] },
  { code: "PLW", name: "Palau" },
  { code: "PSE", name: "Palestine", aliases: ["State of Palestine", "Palestinian"] },
  { code: "PAN", name: "Panama", aliases: ["Panamanian", "Panamena", "Panameno"] },
  { code: "PNG", name: "Papua New Guinea" },
  { code: "PRY", name: "Paraguay", aliases: ["Paraguayan", "Paraguaya", "Paraguayo"] },
  { code: "PER", name: "Peru", aliases: ["Peruvian", "Peruana", "Peruano"] },
  { code: "PHL", name: "Philippines", aliases: ["Filipino", "Filipina"] },
  { code: "PCN", name: "Pitcairn" },
  { code: "POL", name: "Poland", aliases: ["Polish", "Polskie", "Polska", "Rzeczpospolita Polska"] },
  { code: "PRT", name: "Portugal", aliases: ["Portuguese", "Portuguesa"] },
  { code: "PRI", name: "Puerto Rico" },
  { code: "QAT", name: "Qatar", aliases: ["Qatari"] },
  { code: "REU", name: "Reunion" },
  { code: "ROU", name: "Romania", aliases: ["Romanian", "Romana"] },
  { code: "RUS", name: "Russian Federation", aliases: ["Russia", "Russian"] },
  { code: "RWA", name: "Rwanda", aliases: ["Rwandan"] },
  { code: "BLM", name: "Saint Barthelemy" },
  { code: "SHN", name: "Saint Helena, Ascension and Tristan da Cunha", aliases: ["Saint Helena"] },
  { code: "KNA", name: "Saint Kitts and Nevis" },
  { code: "LCA", name: "Saint Lucia" },
  { code: "MAF", name: "Saint Martin (French part)" },
  { code: "SPM", name: "Saint Pierre and Miquelon" },
  { code: "VCT", name: "Saint Vincent and the Grenadines" },
  { code: "WSM", name: "Samoa", aliases: ["Samoan"] },
  { code: "SMR", name: "San Marino" },
  { code: "STP", name: "Sao Tome and Principe" },
  { code: "SAU", name: "Saudi Arabia", aliases: ["Saudi", "Kingdom of Saudi Arabia"] },
  { code: "SEN", name: "Senegal", aliases: ["Senegalese"] },
  { code: "SRB", name: "Serbia", aliases: ["Serbian"] },
  { code: "SYC", name: "Seychelles" },
  { code: "SLE", name: "Sierra Leone" },
  { code: "SGP", name: "Singapore", aliases: ["Singaporean", "Singapore Citizen"] },
  { code: "SXM", name: "Sint Maarten (Dutch part)", aliases: ["Sint Maarten"] },
  { code: "SVK", name: "Slovakia", aliases: ["Slovak", "Slovak Republic", "Slovenska Republika"] },
  { code: "SVN", name: "Slovenia", aliases: ["Slovenian", "Slovene"] },
  { code: "SLB", name: "Solomon Islands" },
  { code: "SOM", name: "Somalia", aliases: ["Somali"] },
  { code: "ZAF", name: "South Africa", aliases: ["South African"] },
  { code: "SGS", name: "South Georgia and the South Sandwich Islands" },
  { code: "SSD", name: "South Sudan", aliases: ["South Sudanese"] },
  { code: "ESP", name: "Spain", aliases: ["Spanish", "Espanola", "Espana"] },
  { code: "LKA", name: "Sri Lanka", aliases: ["Sri Lankan"] },
  { code: "SDN", name: "Sudan", aliases: ["Sudanese"] },
  { code: "SUR", name: "Suriname", aliases: ["Surinamese"] },
  { code: "SJM", name: "Svalbard and Jan Mayen" },
  { code: "SWE", name: "Sweden", aliases: ["Swedish", "Svensk", "Sverige"] },
  { code: "CHE", name: "Switzerland", aliases: ["Swiss", "Schweiz", "Suisse", "Svizzera"] },
  { code: "SYR", name: "Syrian Arab Republic", aliases: ["Syria", "Syrian"] },
  { code: "TWN", name: "Taiwan", aliases: ["Taiwan, Province of China", "Republic of China"] },
  { code: "TJK", name: "Tajikistan", aliases: ["Tajik"] },
  { code: "TZA", name: "United Republic of Tanzania", aliases: ["Tanzania", "Tanzanian"] },
  { code: "THA", name: "Thailand", aliases: ["Thai"] },
  { code: "TLS", name: "Timor-Leste", aliases: ["East Timor"] },
  { code: "TGO", name: "Togo", aliases: ["Togolese"] },
  { code: "TKL", name: "Tokelau" },
  { code: "TON", name: "Tonga", aliases: ["Tongan"] },
  { code: "TTO", name: "Trinidad and Tobago" },
  { code: "TUN", name: "Tunisia", aliases: ["Tunisian"] },
  { code: "TUR", name: "Turkiye", aliases: ["Turkey", "Turkish", "Turk", "Turkiye Cumhuriyeti"] },
  { code: "TKM", name: "Turkmenistan", aliases: ["Turkmen"] },
  { code: "TCA", name: "Turks and Caicos Islands" },
  { code: "TUV", name: "Tuvalu" },
  { code: "UGA", name: "Uganda", aliases: ["Ugandan"] },
  { code: "UKR", name: "Ukraine", aliases: ["Ukrainian", "Ukraina"] },
  { code: "ARE", name: "United Arab Emirates", aliases: ["UAE", "Emirati"] },
  {
    code: "GBR",
    name: "United Kingdom",
    aliases: [
      "United Kingdom of Great Britain and Northern Ireland",
      "Great Britain",
      "British Citizen",
      "British",
      "UK",
    ],
  },
  { code: "USA", name: "United States of America", aliases: ["United States", "USA", "American", "US"] },
  { code: "UMI", name: "United States Minor Outlying Islands" },
  { code: "URY", name: "Uruguay", aliases: ["Uruguayan", "Uruguaya", "Uruguayo"] },
  { code: "UZB", name: "Uzbekistan", aliases: ["Uzbek"] },
  { code: "VUT", name: "Vanuatu" },
  { code: "VEN", name: "Venezuela", aliases: ["Bolivarian Republic of Venezuela", "Venezuelan", "Venezolana"] },
  { code: "VNM", name: "Viet Nam", aliases: ["Vietnam", "Vietnamese"] },
  { code: "VGB", name: "British Virgin Islands", aliases: ["Virgin Islands (British)"] },
  { code: "VIR", name: "United States Virgin Islands", aliases: ["Virgin Islands (U.S.)"] },
  { code: "WLF", name: "Wallis and Futuna" },
  { code: "ESH", name: "Western Sahara" },
  { code: "YEM", name: "Yemen", aliases: ["Yemeni"] },
  { code: "ZMB", name: "Zambia", aliases: ["Zambian"] },
  { code: "ZWE", name: "Zimbabwe", aliases: ["Zimbabwean"] },
  { code: "ALA", name: "Aland Islands" },
  // British nationality classes (ICAO 9303 Part 3): each is a code of its own.
  { code: "GBD", name: "British Overseas Territories Citizen", aliases: ["British Dependent Territories Citizen"] },
  { code: "GBN", name: "British National (Overseas)" },
  { code: "GBO", name: "British Overseas Citizen" },
  { code: "GBP", name: "British Protected Person" },
  { code: "GBS", name: "British Subject" },
  // Entities and organisations.
  { code: "EUE", name: "European Union" },
  { code: "UNO", name: "United Nations Organization" },
  { code: "UNA", name: "Specialized agency of the United Nations" },
  { code: "UNK", name: "Resident of Kosovo (UNMIK)" },
  { code: "XBA", name: "African Development Bank" },
  { code: "XIM", name: "African Export-Import Bank" },
  { code: "XCC", name: "Caribbean Community" },
  { code: "XCE", name: "Council of Europe" },
  { code: "XCO", name: "Common Market for Eastern and Southern Africa" },
  { code: "XEC", name: "Economic Community of West African States" },
  { code: "XES", name: "Organisation of Eastern Caribbean States" },
  { code: "XDC", name: "Southern African Development Community" },
  { code: "XPO", name: "International Criminal Police Organization (Interpol)", aliases: ["Interpol"] },
  { code: "XOM", name: "Sovereign Military Order of Malta" },
  // Persons without a nationality.
  { code: "XXA", name: "Stateless person", aliases: ["Stateless"] },
  { code: "XXB", name: "Refugee (1951 Convention)", aliases: ["Refugee"] },
  { code: "XXC", name: "Refugee (other than the 1951 Convention)" },
  { code: "XXX", name: "Unspecified nationality" },
  // Specimens.
  { code: "UTO", name: "Utopia" },
];

/** Codes used on real documents although ICAO's table does not list them: accepted, not flagged as unknown. */
const IN_USE_OUTSIDE_TABLE: CountryEntry[] = [
  { code: "RKS", name: "Kosovo", aliases: ["Republic of Kosovo", "Kosovar"] },
];

const ALL = [...ISO_AND_ICAO, ...IN_USE_OUTSIDE_TABLE];

/** Code (fillers removed, e.g. "D" for Germany) -> English name. */
export const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(ALL.map((e) => [e.code, e.name]));

/** Codes for specimen documents; a real document never carries them. */
export const SPECIMEN_CODES: ReadonlySet<string> = new Set(["UTO"]);

/** Accepts "UTO", "D", "D<<" and lowercase; false for anything not on the list. */
export function isKnownCountryCode(code: string): boolean {
  return COUNTRY_NAMES.has(stripFillers(code));
}

/** The name for a code (as in the MRZ, fillers allowed), or null. */
export function countryName(code: string): string | null {
  return COUNTRY_NAMES.get(stripFillers(code)) ?? null;
}

function stripFillers(code: string): string {
  return code.toUpperCase().replace(/<+$/, "");
}

/** Upper-case letters only, single spaces; "Côte d'Ivoire" -> "COTE D IVOIRE". */
export function normaliseCountryText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]+/g, " ")
    .trim();
}

const BY_TEXT: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const entry of ALL) {
    for (const text of [entry.name, ...(entry.aliases ?? [])]) {
      const key = normaliseCountryText(text);
      if (!map.has(key)) map.set(key, entry.code);
    }
    map.set(entry.code, entry.code);
  }
  return map;
})();

/**
 * The code for a country as printed in a visual zone ("UNITED STATES OF AMERICA", "British Citizen", "USA",
 * "D"), or null when the text is not recognised. Forms like "CANADIAN/CANADIENNE" are tried part by part.
 */
export function countryCodeFromText(text: string): string | null {
  const whole = normaliseCountryText(text);
  if (whole === "") return null;
  const direct = BY_TEXT.get(whole);
  if (direct !== undefined) return direct;
  for (const part of text.split(/[/,;]/)) {
    const code = BY_TEXT.get(normaliseCountryText(part));
    if (code !== undefined) return code;
  }
  return null;
}
