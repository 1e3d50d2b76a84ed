# Написано без носителя языка: перед выпуском нужна вычитка носителем русского языка.
# Русский (эталон). Названия из политики (shared/policy): области, виды помощи, этапы заявки,
# итоги этапов, пункты баллов; источники правил и оговорки. Числа (суммы, сроки, баллы)
# приходят из политики через переменные: в тексте их не пишем.

## Области для переселения кандасов: region-<id>

region-akmola = Акмолинская область
region-abai = Область Абай
region-kostanay = Костанайская область
region-pavlodar = Павлодарская область
region-atyrau = Атырауская область
region-west_kazakhstan = Западно-Казахстанская область
region-east_kazakhstan = Восточно-Казахстанская область
region-north_kazakhstan = Северо-Казахстанская область
# $people — квота на год, $year — год.
region-quota =
    Квота на { $year } год: { $people } { $people ->
        [one] человек
        [few] человека
        [many] человек
       *[other] человека
    }

## Помощь государства кандасам: support-<id>

support-relocation_subsidy = Деньги на переезд
support-relocation_subsidy-hint = Платят один раз, на каждого члена семьи.
# $amount — сумма на одного человека.
support-relocation_subsidy-amount = { $amount } на каждого члена семьи, один раз
support-rent_utilities = Помощь на аренду и коммунальные услуги
support-rent_utilities-hint = Платят каждый месяц, первые месяцы после переезда.
# $min и $max — суммы в месяц, $months — сколько месяцев.
support-rent_utilities-amount =
    От { $min } до { $max } в месяц, { $months } { $months ->
        [one] месяц
        [few] месяца
        [many] месяцев
       *[other] месяца
    }
support-employer_subsidy = Деньги работодателю
support-employer_subsidy-hint = Эти деньги получает работодатель, который берёт кандаса на работу. Семье их не платят.
support-employer_subsidy-amount = { $amount } работодателю
support-housing_certificate = Сертификат на жильё
support-housing_certificate-hint = Помогает купить жильё. Его ещё называют сертификатом экономической мобильности.
support-housing_certificate-amount = До { $amount }
support-other = Другая помощь

## Этапы заявки: stage-<id>, и что на этапе происходит

stage-submitted = Заявка отправлена
stage-submitted-hint = Ваша анкета отправлена. Дальше система считает баллы.
stage-language_test = Тест по казахскому языку (KAZTEST)
stage-language_test-hint = Тест онлайн, уровень A1: слушать и читать. Нужно не меньше 30% в каждой части. Можно сдавать до трёх раз, это платно. Тест сдают до анкеты: анкета открывается только с сертификатом теста.
stage-scoring = Подсчёт баллов
# $points — проходной балл из политики.
stage-scoring-hint =
    Система считает баллы по вашей анкете. Нужно не меньше { $points } { $points ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    }.
stage-interagency_checks = Проверка в госорганах
stage-interagency_checks-hint = Госорганы проверяют ваши данные. От вас ничего не нужно.
stage-interview = Собеседование
stage-interview-hint = Вас пригласят на беседу в полицию по месту, где вы живёте. Возьмите паспорт.
stage-decision = Решение
stage-decision-hint = Вам сообщат решение по заявке.
stage-residence_permit = Вид на жительство
stage-residence_permit-hint = С сертификатом скрининга подайте на вид на жительство в центре обслуживания населения.

## Итог этапа: outcome-<id>

outcome-pending = Ждём ответа
outcome-passed = Пройдено
outcome-failed = Не пройдено
outcome-approved = Одобрено
outcome-refused = Отказано

## Пункты баллов: criterion-<id>, и что может их поднять

criterion-age = Возраст
criterion-age-raise = Возраст изменить нельзя.
criterion-education = Образование
criterion-education-raise = Диплом колледжа или вуза даёт больше баллов.
criterion-language_kazakh = Казахский язык
criterion-language_kazakh-raise = Учите казахский язык: каждый уровень выше даёт больше баллов.
criterion-language_russian = Русский язык
criterion-language_russian-raise = Более высокий уровень русского языка даёт больше баллов.
criterion-language_english = Английский язык
criterion-language_english-raise = Английский засчитывают только по сертификату IELTS или TOEFL: чем выше уровень в нём, тем больше баллов.
criterion-work_experience = Стаж работы
criterion-work_experience-raise = Больше лет работы — больше баллов.
criterion-professional_skills = Профессия
criterion-professional_skills-raise = Профессия из списка нужных в Казахстане даёт больше баллов.
criterion-adaptability = Связь с Казахстаном
criterion-adaptability-raise = Родные в Казахстане, прошлые поездки и учёба здесь дают больше баллов.

## Оговорки

disclaimer-score = Это предварительная самопроверка, а не решение. Решает только результат официальной системы.
disclaimer-score-illustrative = Примерные баллы
# $years — срок договора из политики.
disclaimer-refund =
    Если семья уедет из области раньше, чем через { $years } { $years ->
        [one] год
        [few] года
        [many] лет
       *[other] года
    }, возможно, придётся вернуть всю полученную помощь.
disclaimer-refund-uncertain = Мы не видели текста закона. Неизвестно, можно ли вернуть только часть, какие выплаты считаются, есть ли исключения по уважительной причине. Неизвестно и то, считается ли срок со дня подписания или со дня приезда. Мы считаем со дня подписания.
disclaimer-rent-band = Как выбирают сумму внутри этого промежутка, неизвестно. Показываем весь промежуток.
# $days — общий срок процедуры.
disclaimer-stage-durations =
    Сообщается, что скрининг занимает всего до { $days } { $days ->
        [one] дня
        [few] дней
        [many] дней
       *[other] дня
    }. Сроки с пометкой «наша оценка» — не опубликованные цифры.
disclaimer-general-grounds = Мы не проверяли закон об этом порядке. Уточните в миграционной службе.
disclaimer-uncertain = Не подтверждено законом
disclaimer-not-official = Kosh — не государственная служба. Заявку рассматривает государство.

## Источники правил

source-mci = Закон о республиканском бюджете от 8 декабря 2025 года
source-quota = Приказ от 30 декабря 2025 года о квоте кандасов на 2026 год (mgorod.kz, baq.kz)
source-support = Сообщение Министерства труда (zakon.kz); NITEC; lada.kz
source-stages = Вице-премьер А. Балаева, Концепция миграционной политики до 2030 года; совместный приказ от 30 января 2026 года
source-refund = Вице-премьер А. Балаева, 8 января 2026 года (Синьхуа, zakon.kz); lada.kz: при отъезде из области раньше пяти лет возвращается вся сумма помощи
source-general-grounds = Условия помощи кандасам: только по квоте и с социальным договором на пять лет (Министерство труда, zakon.kz)
source-scoring = Совместный приказ от 30 января 2026 года (Минтруда № 41, МВД № 60, Минцифры № 47): пункты оценки и проходной балл 400
