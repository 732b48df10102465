# The doctrine as data: EU member states, what each sensitivity level requires, and the tag
# vocabulary that marks a resource's level. Schema: policies/README.md. Facts: the domain
# reference, §1 (doctrine), §10 (sensitivity markings). `date` is the source's date; for an
# undated source, the date the fact was compiled (2026-09-26).

# SecNumCloud v3.2 §19.2-19.3: data stored and processed in the EU. The 27 member states
# (since the United Kingdom left on 2020-01-31).
doctrine {
  eu_countries = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  ]
  source    = "https://european-union.europa.eu/principles-countries-history/eu-countries_en ; SecNumCloud 3.2 §19.2-19.3 (domain reference §1 point 8)"
  date      = "2026-09-26"
  confirmed = true
}

# --- Levels ------------------------------------------------------------------------
# `geography = "EU"`: every country the data may be in must be an EU member state.

level "public" {
  description = "Non-sensitive data: the external commercial catalogue is fine (2018 tier \"cloud externe\")."
  source      = "domain reference §1 points 1 and 5 (circulaire 6404/SG, 2023-05-31)"
  date        = "2023-05-31"
  confirmed   = true
}

level "internal" {
  description            = "Less sensitive data: kept in the EU; exposure to a non-EU law is reported as a warning."
  requires_qualification = false
  requires_immunity      = false
  geography              = "EU"
  source                 = "domain reference §1 points 1 and 5 (2018 tier \"cloud dédié\", FR/EU law); EU geography and the warning are a design choice (analysis)"
  date                   = "2026-09-26"
  confirmed              = false
}

level "sensitive" {
  description            = "Sensitive data (circulaire 6404/SG R9, loi SREN art. 31): a SecNumCloud-qualified offer or a State internal cloud, immune to non-EU law, in the EU."
  requires_qualification = true
  requires_immunity      = true
  geography              = "EU"
  source                 = "Circulaire 6404/SG (2023-05-31) ; loi 2024-449 SREN art. 31 ; SecNumCloud 3.2 §19 (domain reference §1 points 3-8)"
  date                   = "2024-05-21"
  confirmed              = true
}

# --- Tag vocabulary ----------------------------------------------------------------
# Keys and values compare ignoring case, with `-`, `_` and spaces alike. The user
# configuration may add to both. A design default rather than a fact about the world,
# which is why it is "confirmed": it is never a reason to soften a finding.

vocabulary {
  keys = [
    "data_classification", "dataclassification", "classification", "sensitivity",
    "data_sensitivity", "confidentiality", "sensibilite", "sensibilité", "fr-classif",
    "niveau_protection",
  ]
  public = ["public", "non-protege", "non-protégé", "np"]
  internal = ["internal", "interne"]
  sensitive = [
    "sensitive", "sensible", "confidential", "confidentiel", "dr", "diffusion-restreinte",
    "secret", "tres_secret", "très_secret", "restricted", "donnees_sensibles",
    "secnumcloud", "confidentiel_defense",
  ]
  source    = "domain reference §10 default vocabulary (analysis) ; MISP/misp-taxonomies fr-classif/machinetag.json@140c2d68 ; IGI 1300 markings"
  date      = "2026-09-26"
  confirmed = true
}
