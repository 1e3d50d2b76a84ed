# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi). residence-2026 anketasi, 1-versiya (shared/forms/residence-2026.v1.json):
# nomi, boʻlimlar, savollar (form-q-…), maslahatlar (…-hint) va javob variantlari (form-opt-…).
# Kalitlar rus tilidagi fayl bilan bir xil (ru/form.ftl). Savollar qisqa, «siz» deb.

form-residence-title = Qozogʻistonda doimiy yashash uchun anketa

## Boʻlimlar

form-section-personal = Siz haqingizda
form-section-contacts = Siz bilan qanday bogʻlanamiz
form-section-citizenship = Fuqarolik
form-section-family = Oila
form-section-education = Taʼlim
form-section-languages = Tillar
form-section-work = Ish
form-section-military = Harbiy xizmat
form-section-skills = Kasb va koʻnikmalar
form-section-health = Salomatlik
form-section-adaptability = Qozogʻiston bilan aloqa
form-section-record = Sudlanganlik va deportatsiya
form-section-kandas = Kandaslar

## Siz haqingizda

form-q-personal-surname = Familiya
form-q-personal-surname-hint = Pasportdagidek yozing.
form-q-personal-surname-example = Nurlanov
form-q-personal-given_names = Ism
form-q-personal-given_names-example = Yerlan
form-q-personal-patronymic = Otasining ismi (boʻlsa)
form-q-personal-patronymic-example = Nurlanovich
form-q-personal-birth_date = Tugʻilgan sana
form-q-personal-sex = Jins
form-q-personal-birth_country = Tugʻilgan davlat
form-q-personal-citizenship = Fuqarolik
form-q-personal-citizenship-hint = Hozir qoʻlingizdagi pasport qaysi davlatniki.
form-q-personal-is_ethnic_kazakh = Millatingiz qozoqmi?
form-q-personal-is_ethnic_kazakh-hint = «Ha» desangiz, kandaslar uchun savollar chiqadi.
form-q-personal-marital_status = Oilaviy ahvol

form-opt-sex-female = Ayol
form-opt-sex-male = Erkak

form-opt-marital-single = Turmush qurmagan
form-opt-marital-married = Turmush qurgan
form-opt-marital-divorced = Ajrashgan
form-opt-marital-widowed = Beva (eri yoki xotini vafot etgan)

## Siz bilan qanday bogʻlanamiz

form-q-contacts-phone = Telefon raqami
form-q-contacts-phone-hint = Davlat kodi bilan. Masalan: +998 90 123 45 67.
form-q-contacts-phone_has_messenger = Bu raqamda WhatsApp yoki Telegram bormi?
form-q-contacts-email = Elektron pochta
form-q-contacts-address = Hozir yashayotgan manzilingiz
form-q-contacts-address-hint = Shahar, koʻcha, uy, xonadon.
form-q-contacts-address-example = Toshkent, Chilonzor 12, 45-xonadon

## Fuqarolik

form-q-citizenship-has_second = Ikkinchi fuqaroligingiz bormi?
form-q-citizenship-second_country = Ikkinchi fuqaroligingiz qaysi davlatniki
form-q-citizenship-current_country = Hozir qaysi davlatda yashaysiz?
form-q-citizenship-current_country-hint = Vaqtingizning koʻp qismini oʻtkazadigan davlat.
form-q-citizenship-current_status = Bu davlatda kimsiz?
form-q-citizenship-current_since = Bu davlatda qaysi kundan beri yashaysiz?

form-opt-stay-citizen = Fuqaroman
form-opt-stay-permanent_resident = Yashash uchun ruxsatnomam bor
form-opt-stay-temporary_resident = Vaqtinchalik ruxsatnomam bor
form-opt-stay-visitor = Mehmonman, viza bilan yoki vizasiz

## Oila

form-q-family-has_members = Siz bilan birga yaqinlaringiz koʻchadimi?
form-q-family-has_members-hint = Eringiz yoki xotiningiz, bolalaringiz, ota-onangiz, aka-uka va opa-singillaringiz.
form-q-family-members = Oila aʼzolari
form-q-family-members-hint = Har bir odamni alohida qoʻshing.
form-q-family-members-relation = Sizga kim boʻladi
form-q-family-members-full_name = Familiya va ism
form-q-family-members-full_name-example = Aygerim Yerlanqizi
form-q-family-members-birth_date = Tugʻilgan sana
form-q-family-members-citizenship = Fuqarolik
form-q-family-members-moves_with_me = Siz bilan birga koʻchadimi?

form-opt-relation-spouse = Erim yoki xotinim
form-opt-relation-child = Farzandim
form-opt-relation-parent = Otam yoki onam
form-opt-relation-sibling = Aka-ukam yoki opa-singlim

## Taʼlim

form-q-education-level = Maʼlumotingiz
form-q-education-field = Qaysi sohada oʻqigansiz?
form-q-education-country = Qaysi davlatda oʻqigansiz?
form-q-education-year = Oʻqishni tugatgan yilingiz
form-q-education-year-hint = Oxirgi diplomni olgan yilingiz.

form-opt-education-none = Maʼlumotim yoʻq
form-opt-education-secondary = Maktab
form-opt-education-vocational = Kollej yoki texnikum
form-opt-education-bachelor = Universitet (bakalavr)
form-opt-education-master = Magistratura
form-opt-education-doctorate = Doktorantura yoki aspirantura

form-opt-field-education = Oʻqituvchi, tarbiyachi
form-opt-field-health = Tibbiyot
form-opt-field-engineering = Muhandis, texnik
form-opt-field-it = Kompyuter, IT
form-opt-field-agriculture = Qishloq xoʻjaligi
form-opt-field-economics = Iqtisod, buxgalteriya
form-opt-field-law = Huquq
form-opt-field-science = Fan
form-opt-field-arts = Sanʼat, madaniyat
form-opt-field-services = Xizmat koʻrsatish
form-opt-field-other = Boshqa

## Tillar

form-q-languages-kazakh = Qozoq tilini qanchalik bilasiz?
form-q-languages-kazakh-hint = A1 — oddiy soʻzlarni bilaman. C2 — ona tilimdek bilaman.
form-q-languages-russian = Rus tilini qanchalik bilasiz?
form-q-languages-english = Ingliz tilini qanchalik bilasiz?
form-q-languages-kaztest_taken = KAZTEST topshirganmisiz?
form-q-languages-kaztest_taken-hint = KAZTEST — qozoq tili boʻyicha test. Usiz anketa koʻrib chiqilmaydi.
form-q-languages-kaztest_date = KAZTESTni qachon topshirgansiz?
form-q-languages-kaztest_listening = KAZTEST: tinglash natijasi, foizda
form-q-languages-kaztest_listening-hint = 0 dan 100 gacha son. U sertifikatda yozilgan.
form-q-languages-kaztest_reading = KAZTEST: oʻqish natijasi, foizda
form-q-languages-kaztest_reading-hint = 0 dan 100 gacha son. U sertifikatda yozilgan.

form-opt-level-none = Umuman bilmayman
form-opt-level-a1 = A1 — boshlangʻich
form-opt-level-a2 = A2 — oddiy
form-opt-level-b1 = B1 — oʻrta
form-opt-level-b2 = B2 — yaxshi
form-opt-level-c1 = C1 — juda yaxshi
form-opt-level-c2 = C2 — ona tilidek

## Ish

form-q-work-current_status = Hozir nima bilan bandsiz?
form-q-work-years_total = Jami necha yil ishlagansiz?
form-q-work-years_total-hint = Ishlagan hamma yillaringizni qoʻshing. Bir yildan kam boʻlsa, 0 deb yozing.
form-q-work-history = Qayerda ishlagansiz va oʻqigansiz
form-q-work-history-hint = Eng oxirgi joydan boshlang.
form-q-work-history-activity = Bu nima edi?
form-q-work-history-title = Lavozim yoki mutaxassislik
form-q-work-history-title-hint = Masalan: haydovchi, hamshira, muhandis.
form-q-work-history-title-example = Qurilish muhandisi
form-q-work-history-country = Davlat
form-q-work-history-start = Boshlangan sana
form-q-work-history-ongoing = Hozir ham oʻsha yerdamisiz?
form-q-work-history-end = Tugagan sana

form-opt-employment-employed = Yollanib ishlayman
form-opt-employment-self_employed = Oʻzimga ishlayman
form-opt-employment-unemployed = Ishlamayman
form-opt-employment-student = Oʻqiyman
form-opt-employment-retired = Nafaqadaman

form-opt-activity-job = Ish
form-opt-activity-own_business = Oʻz ishim (biznes)
form-opt-activity-study = Oʻqish

## Harbiy xizmat

form-q-military-served = Armiyada xizmat qilganmisiz?
form-q-military-country = Qaysi davlatda?
form-q-military-end_year = Xizmatni qaysi yili tugatgansiz?

## Kasb va koʻnikmalar

form-q-skills-profession_group = Kasbingiz
form-q-skills-in_demand = Kasbingiz Qozogʻistonga kerakli kasblar roʻyxatida bormi?
form-q-skills-in_demand-hint = Roʻyxatni Mehnat vazirligi tasdiqlaydi. Bilmasangiz, «Yoʻq» deb javob bering.
form-q-skills-certificates = Kasbingiz boʻyicha diplom yoki sertifikatingiz bormi?
form-q-skills-certificates-hint = Masalan: diplom, guvohnoma, kurs sertifikati.
form-q-skills-driving_licence = Haydovchilik guvohnomangiz bormi?

form-opt-profession-health = Tibbiyot
form-opt-profession-education = Taʼlim
form-opt-profession-engineering = Muhandis, texnik
form-opt-profession-it = Kompyuter, IT
form-opt-profession-agriculture = Qishloq xoʻjaligi
form-opt-profession-construction = Qurilish
form-opt-profession-transport = Transport, haydovchi
form-opt-profession-trade_services = Savdo va xizmat koʻrsatish
form-opt-profession-other = Boshqa
form-opt-profession-no_profession = Kasbim yoʻq

## Salomatlik

form-q-health-declaration = Sogʻlommisiz va tibbiy koʻrikdan oʻta olasizmi?
form-q-health-declaration-hint = Yashash uchun ruxsatnoma olishga salomatlik haqida maʼlumotnoma kerak.
form-q-health-has_disability = Nogironligingiz bormi?
form-q-health-has_disability-hint = Bu javob ballni kamaytirmaydi. U sizga yordam taklif qilish uchun kerak.

## Qozogʻiston bilan aloqa

form-q-adaptability-relatives_in_kz = Qozogʻistonda qarindoshlaringiz bormi?
form-q-adaptability-relatives_degree = Ular sizga kim boʻladi?
form-q-adaptability-previous_stays = Ilgari Qozogʻistonda yashaganmisiz?
form-q-adaptability-previous_stays-hint = Bir oydan uzoq ishlagan, oʻqigan yoki yashagan boʻlsangiz.
form-q-adaptability-previous_stay_months = Jami necha oy?
form-q-adaptability-studied_in_kz = Qozogʻistonda oʻqiganmisiz?

form-opt-kin-parent = Otam yoki onam
form-opt-kin-child = Farzandim
form-opt-kin-sibling = Aka-ukam yoki opa-singlim
form-opt-kin-other = Boshqa qarindoshlarim

## Sudlanganlik va deportatsiya

form-q-record-convicted = Sudlanganmisiz?
form-q-record-convicted-hint = Rostini yozing. Baribir tekshiriladi.
form-q-record-conviction_details = Nima boʻlgan va qachon?
form-q-record-conviction_details-example = 2015-yil, yoʻl harakati qoidasini buzish, jarima toʻlangan
form-q-record-deported = Sizni biror davlatdan majburan chiqarib yuborishganmi?
form-q-record-deported-hint = Deportatsiya — odamni davlatdan majburan chiqarib yuborish.
form-q-record-deported_from = Qaysi davlatdan?
form-q-record-entry_ban = Sizga Qozogʻistonga kirish taqiqlanganmi?

## Kandaslar

form-q-kandas-origin_country = Qaysi davlatdan koʻchib kelyapsiz?
form-q-kandas-origin_country-hint = Hozir yashayotgan davlatingiz.
form-q-kandas-ethnicity_documents = Qozoq ekaningizni qaysi hujjatlar tasdiqlaydi?
form-q-kandas-ethnicity_documents-hint = Bor hujjatlarning hammasini belgilang.
form-q-kandas-has_status = Sizda kandas maqomi bormi?
form-q-kandas-has_status-hint = Maqomni migration.enbek.kz saytida, elchixonada yoki TsONda (aholiga xizmat koʻrsatish markazida) berishadi.
form-q-kandas-join_quota = Kvota boʻyicha viloyatlardan biriga koʻchmoqchimisiz?
form-q-kandas-join_quota-hint = Kvota boʻyicha koʻchganlarga davlat yordam beradi. Lekin shartnomaning butun muddati davomida oʻsha viloyatda yashash kerak.
form-q-kandas-preferred_region = Sizga qaysi viloyat toʻgʻri keladi?
form-q-kandas-preferred_region-hint = Faqat kvota roʻyxatidagi viloyatlar.
form-q-kandas-take_support = Davlatdan yordam olishni xohlaysizmi?
form-q-kandas-take_support-hint = Viloyatdan muddatidan oldin ketsangiz, olingan butun yordamni qaytarishga toʻgʻri kelishi mumkin.

form-opt-ethnicity_doc-identity_document = «Qozoq» deb yozilgan pasport yoki guvohnoma
form-opt-ethnicity_doc-birth_certificate = Tugʻilganlik haqida guvohnoma
form-opt-ethnicity_doc-parents_documents = Ota-onangizning hujjatlari
form-opt-ethnicity_doc-archive_record = Arxivdan maʼlumotnoma
form-opt-ethnicity_doc-none_yet = Hozircha hujjat yoʻq
