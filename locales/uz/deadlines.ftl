# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Oʻzbekcha (lotin yozuvi): muhim sanalar (issue 12): KAZTEST sertifikati, skrining sertifikati,
# qandas shartnomasining tugashi, choʻzilib ketgan bosqich va telefonning oʻzi yasaydigan taqvim fayllari.

ui-deadlines-title = Muhim sanalar
ui-deadlines-open = Muhim sanalar
ui-deadlines-intro = Javoblaringiz, arizangiz va shartnomangiz boʻyicha. Sanani telefon taqvimiga qoʻshing: u { $days } kun oldin eslatadi.
ui-deadlines-none = Hozircha sanalar yoʻq. Ular KAZTEST sanasini kiritganingizda, arizangiz oldinga siljiganda yoki shartnomani kiritganingizda paydo boʻladi.
ui-deadlines-kaztest = KAZTEST sertifikati: amal qiladigan oxirgi kun
ui-deadlines-kaztest-from = Test { $date } kuni topshirilgan.
ui-deadlines-screening_certificate = Skrining sertifikati: amal qiladigan oxirgi kun
ui-deadlines-screening_certificate-from = { $date } kungi qaror. Yashash uchun ruxsatnomaga shu kungacha davlat xizmatlari markaziga ariza bering.
ui-deadlines-contract_end = Kandas shartnomasi tugaydi
ui-deadlines-contract_end-from = { $date } kuni imzolangan. Shu kundan boshlab koʻchib ketish hech narsaga tushmaydi.
ui-deadlines-stage = { $stage }: odatda shu kungacha tugaydi
ui-deadlines-stage-from = Bosqich { $date } kuni boshlangan.
ui-deadlines-late = Bu bosqich odatdagidan uzoqroq davom etmoqda.
ui-deadlines-past = Bu kun oʻtib ketdi.
ui-deadlines-uncertain = Bu sanani xizmatdan aniqlang.
ui-deadlines-source = Manba: { $source }
ui-deadlines-source-kaztest = KAZTEST umumiy qoidalari (orda.kz); 2026-yilgi sinov loyihasi uchun tasdiqlanmagan
ui-deadlines-source-checks = acsour.kz, 2026-yil 18-may: tekshiruvlar 20 ish kuni ichida
ui-deadlines-add = Taqvimga qoʻshish
ui-deadlines-add-all = Barcha sanalarni taqvimga qoʻshish
# Taqvimdagi eslatma: $what — sananing nomi.
ui-deadlines-reminder = { $what }: { $date }
ui-deadlines-calendar-name = Kosh: muhim sanalar
error-file = Taqvim faylini bu telefonga saqlab boʻlmadi. Qayta urinib koʻring.
