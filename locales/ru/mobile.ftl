# Русский: слова, которые нужны только приложению (экраны kosh-mobile), сверх ui.ftl.
# Ключи: mobile-<экран>-<что>. Названия стран: mobile-country-<код ISO 3166-1 строчными>.

## Ошибки приложения

mobile-error-storage = Не получается сохранить ответы на этом телефоне. Возможно, память заполнена. Не закрывайте приложение, пока ответы не отправлены.

## Настройки: адрес сервера (только в приложении для телефона и компьютера)

mobile-settings-server = Адрес сервера
mobile-settings-server-bad = Адрес должен начинаться с http:// или https://

## Неизвестная страница

mobile-not-found-title = Такой страницы нет.

## Баллы

mobile-score-criteria = Баллы по пунктам
# $points — сколько баллов прибавится.
mobile-score-gain =
    +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
mobile-score-unanswered = На некоторые вопросы ещё нет ответа. За них пока 0 баллов.

## Договор

mobile-contract-invalid = Проверьте данные договора: нужны область, дата подписания и число людей в семье.
mobile-contract-support-invalid = Проверьте выплату: нужны вид помощи, сумма в тенге и дата.

## Страны


mobile-country-kz = Казахстан
mobile-country-uz = Узбекистан
mobile-country-cn = Китай
mobile-country-tm = Туркменистан
mobile-country-mn = Монголия
mobile-country-ru = Россия
mobile-country-kg = Кыргызстан
mobile-country-tj = Таджикистан
mobile-country-af = Афганистан
mobile-country-ir = Иран
mobile-country-tr = Турция
mobile-country-az = Азербайджан
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
mobile-country-gb = Великобритания
mobile-country-us = США
mobile-country-ca = Канада
mobile-country-kr = Южная Корея
mobile-country-jp = Япония
mobile-country-in = Индия
mobile-country-pk = Пакистан
mobile-country-ae = ОАЭ
