# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi): hujjatlar roʻyxati (shared/policy: documents). Sonlar siyosatdan
# oʻzgaruvchilar orqali keladi.


## Paths: documents-path-<id>

documents-path-kandas_status = Qandas maqomi
documents-path-regional_quota = Hududiy kvota va yordam
documents-path-general_grounds = Doimiy yashash

## Where a paper is handed in: documents-where-<id>

documents-where-kandas_channels = migration.enbek.kz, Enbek ilovasi, elchixona yoki aholiga xizmat koʻrsatish markazi
documents-where-public_service_centre = Aholiga xizmat koʻrsatish markazi (XQKO)
documents-where-host_region = Koʻchib boradigan hududingizda (muassasa tasdiqlanmagan)

## The papers: documents-item-<id>

documents-item-kandas_application = Qandas maqomi uchun ariza
documents-item-kandas_autobiography = Tarjimai hol (erkin shaklda)
documents-item-identity_copy = Shaxsni tasdiqlovchi hujjat nusxasi, notarial tasdiqlangan tarjimasi bilan
documents-item-kazakh_nationality_proof = Qozoq millatini tasdiqlovchi hujjat
documents-item-kandas_status_decision = Qandas maqomini tasdiqlovchi hujjat
documents-item-social_contract = Besh yillik ijtimoiy shartnoma
documents-item-residence_application = Doimiy yashash ruxsatnomasi uchun ariza
documents-item-passport = Pasport
documents-item-child_birth_certificate = Bolaning tugʻilganlik haqidagi guvohnomasi
documents-item-exit_consent = Mamlakatingizning chiqishga yozma roziligi
documents-item-autobiography = Tarjimai hol
documents-item-proof_of_funds = Mablagʻni tasdiqlovchi hujjat
documents-item-no_criminal_record = Sudlanmaganlik haqida maʼlumotnoma
documents-item-medical_certificate = Tibbiy maʼlumotnoma
documents-item-photo = Surat
documents-item-fee_receipt = Boj toʻlanganligi haqida kvitansiya
documents-item-proof_of_address = Qozogʻistonda yashash joyini tasdiqlovchi hujjat
documents-item-screening_certificate = Dastlabki saralash sertifikati
documents-item-apostille = Chet eldan kelgan hujjatlardagi apostil

## What an entry says of a paper

documents-translation-notarised = Qozoq yoki rus tiliga notarial tasdiqlangan tarjima kerak
documents-max-age = Topshirilgan kuni { $days } kundan eski boʻlmasligi kerak
documents-valid-for = Yana { $days } kundan koʻproq amal qilishi kerak
documents-too-old = { $days } kundan eski: tashrifdan oldin yangisini oling
