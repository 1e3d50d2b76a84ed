# Drafted without a native speaker: needs review by a native Kazakh speaker.
# Қазақша (кирилл): тек қосымшаға (kosh-mobile экрандары) керек сөздер, ui.ftl-ден бөлек.
# Латын жазуы осы файлдан автоматты түрде жасалады: мұнда тек кирилмен жазамыз.

## Қосымшаның қателері

mobile-error-storage = Жауаптарды осы телефонға сақтау мүмкін емес. Жады толып қалған болуы мүмкін. Жауаптар жіберілгенше қосымшаны жаппаңыз.

## Баптаулар: сервер мекенжайы (тек телефон мен компьютер қосымшасында)

mobile-settings-server = Сервер мекенжайы
mobile-settings-server-bad = Мекенжай http:// немесе https:// деп басталуы керек

## Белгісіз бет

mobile-not-found-title = Мұндай бет жоқ.

## Ұпайлар

mobile-score-criteria = Тармақтар бойынша ұпай
# $points — қанша ұпай қосылады.
mobile-score-gain = +{ $points } ұпай
mobile-score-unanswered = Кейбір сұрақтарға әлі жауап жоқ. Олар үшін әзірге 0 ұпай.

## Шарт

mobile-contract-invalid = Шарт деректерін тексеріңіз: облыс, қол қойылған күн және отбасындағы адам саны керек.
mobile-contract-support-invalid = Төлемді тексеріңіз: көмек түрі, теңгедегі сомасы және күні керек.

## Елдер


mobile-country-kz = Қазақстан
mobile-country-uz = Өзбекстан
mobile-country-cn = Қытай
mobile-country-tm = Түрікменстан
mobile-country-mn = Моңғолия
mobile-country-ru = Ресей
mobile-country-kg = Қырғызстан
mobile-country-tj = Тәжікстан
mobile-country-af = Ауғанстан
mobile-country-ir = Иран
mobile-country-tr = Түркия
mobile-country-az = Әзірбайжан
mobile-country-ge = Грузия
mobile-country-am = Армения
mobile-country-ua = Украина
mobile-country-by = Беларусь
mobile-country-md = Молдова
mobile-country-lt = Литва
mobile-country-lv = Латвия
mobile-country-ee = Эстония
mobile-country-pl = Польша
mobile-country-de = Германия
mobile-country-gb = Ұлыбритания
mobile-country-us = АҚШ
mobile-country-ca = Канада
mobile-country-kr = Оңтүстік Корея
mobile-country-jp = Жапония
mobile-country-in = Үндістан
mobile-country-pk = Пәкістан
mobile-country-ae = БАӘ
