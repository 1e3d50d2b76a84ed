# Drafted without a native speaker: needs review by a native Uzbek speaker.
# Oʻzbek tili ona tili boʻlmagan odam yozgan: chiqarishdan oldin oʻzbek tili ona tili boʻlgan odam tekshirishi kerak.
# Roʻyxatdagi hujjatlarning suratlari (telefonda saqlanadi, aloqa boʻlganda serverga yuboriladi)
# va sozlamalarda brauzer ularni saqlab qoladimi.

## Hujjatlar roʻyxatida

photos-intro = Har bir hujjatga surat qoʻshish mumkin: kameradan yoki galereyadan. Bu telefonda saqlanishidan oldin surat kichraytiriladi, olingan joyi haqidagi maʼlumotlar esa oʻchiriladi.
photos-add = Surat qoʻshish
photos-keeping = Surat kichraytirilmoqda…
photos-alt = { $number }-surat: { $paper }
photos-remove = Oʻchirish
photos-remove-label = { $number }-suratni oʻchirish: { $paper }
photos-waiting = Bu telefonda saqlandi. Aloqa boʻlganda serverga yuboriladi.
photos-sent = Serverga yuborildi.

## Server suratni nega qabul qilmadi

photos-refused = Server bu suratni qabul qilmadi. Uni oʻchirib, qaytadan qoʻshing.
photos-refused-quota_exceeded = Serverda suratlaringiz uchun joy qolmadi. Keraksiz suratlarni oʻchiring.
photos-refused-payload_too_large = Bu surat server uchun juda katta. Uni oʻchirib, qaytadan qoʻshing.
photos-refused-unsupported_media_type = Server bu faylni rasm deb tanimadi. Uni oʻchirib, qaytadan qoʻshing.
photos-refused-hash_mismatch = Bu surat telefonda buzilib qoldi. Uni oʻchirib, qaytadan qoʻshing.
photos-refused-photo_missing = Brauzer bu suratni telefondan oʻchirib yubordi. Uni oʻchirib, qaytadan qoʻshing.

## Suratni nega saqlab boʻlmadi

photos-error-insecure = Suratlar uchun himoyalangan aloqa kerak. Kosh-ni https:// bilan boshlanadigan manzili orqali oching.
photos-error-not_image = Telefon bu faylni rasm sifatida ocha olmadi. Surat tanlang (JPEG yoki PNG).
photos-error-storage = Telefonda bu surat uchun joy yoʻq. Joy boʻshating va qaytadan urinib koʻring.
photos-error-unavailable = Bu sahifada suratlar ishga tushmadi. Sahifani yangilang va qaytadan urinib koʻring.
photos-error-unreadable = Telefon tanlangan faylni oʻqiy olmadi. Uni qaytadan tanlang.

## Sozlamalar

photos-storage-title = Bu telefondagi suratlar
photos-storage-kept = Brauzer suratlarni bu telefonda saqlashga vaʼda berdi.
photos-storage-refused = Brauzer suratlarni saqlashga vaʼda bermadi: telefonda joy kam boʻlganda ularni oʻchirib yuborishi mumkin. Serverga yuborilgan suratlar u yerda xavfsiz.
photos-storage-unknown = Bu brauzer suratlarni saqlab qolishini aytmaydi. Serverga yuborilgan suratlar u yerda xavfsiz.
