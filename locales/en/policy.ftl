# Drafted without a native speaker: needs review by a native English speaker before release.
# English. Names from the policy (shared/policy): regions, kinds of support, application stages,
# stage outcomes, scoring criteria; the sources of the rules and the caveats. Numbers (amounts,
# terms, points) come from the policy as variables: never write them into the text.

## Regions for kandas resettlement: region-<id>

region-akmola = Akmola Region
region-abai = Abai Region
region-kostanay = Kostanay Region
region-pavlodar = Pavlodar Region
region-atyrau = Atyrau Region
region-west_kazakhstan = West Kazakhstan Region
region-east_kazakhstan = East Kazakhstan Region
region-north_kazakhstan = North Kazakhstan Region
# $people is the quota for the year, $year the year.
region-quota =
    Quota for { $year }: { $people } { $people ->
        [one] person
       *[other] people
    }

## State support for kandas: support-<id>

support-relocation_subsidy = Money for moving
support-relocation_subsidy-hint = Paid once, for each family member.
# $amount is the sum for one person.
support-relocation_subsidy-amount = { $amount } for each family member, once
support-rent_utilities = Help with rent and utility bills
support-rent_utilities-hint = Paid every month, for the first months after the move.
# $min and $max are amounts per month, $months how many months.
support-rent_utilities-amount =
    From { $min } to { $max } a month, for { $months } { $months ->
        [one] month
       *[other] months
    }
support-employer_subsidy = Money for the employer
support-employer_subsidy-hint = The employer who hires a kandas gets this money. The family does not.
support-employer_subsidy-amount = { $amount } to the employer
support-housing_certificate = Housing certificate
support-housing_certificate-hint = Helps to buy a home. It is also called the economic mobility certificate.
support-housing_certificate-amount = Up to { $amount }
support-other = Other support

## Application stages: stage-<id>, and what happens at each

stage-submitted = Application sent
stage-submitted-hint = Your form has been sent. Next, the system counts the points.
stage-language_test = Kazakh language test (KAZTEST)
stage-language_test-hint = An online test at level A1: listening and reading. You need at least 30% in each part. You can take it up to three times; each try is paid. It comes before the form: the form opens only with the test certificate.
stage-scoring = Counting the points
# $points is the pass mark from the policy.
stage-scoring-hint =
    The system counts points from your form. You need at least { $points } { $points ->
        [one] point
       *[other] points
    }.
stage-interagency_checks = Checks by state offices
stage-interagency_checks-hint = State offices check your information. You do not need to do anything.
stage-interview = Interview
stage-interview-hint = You will be invited to a talk at the police office where you live. Bring your passport.
stage-decision = Decision
stage-decision-hint = You will be told the decision on your application.
stage-residence_permit = Residence permit
stage-residence_permit-hint = With the screening certificate, apply for the residence permit at a public service centre.

## Stage outcome: outcome-<id>

outcome-pending = Waiting for an answer
outcome-passed = Passed
outcome-failed = Not passed
outcome-approved = Approved
outcome-refused = Refused

## Scoring criteria: criterion-<id>, and what can raise the points

criterion-age = Age
criterion-age-raise = Age cannot be changed.
criterion-education = Education
criterion-education-raise = A college or university diploma gives more points.
criterion-language_kazakh = Kazakh language
criterion-language_kazakh-raise = Learn Kazakh: each higher level gives more points.
criterion-language_russian = Russian language
criterion-language_russian-raise = A higher level of Russian gives more points.
criterion-language_english = English language
criterion-language_english-raise = English counts only with an IELTS or TOEFL certificate: a higher level on it gives more points.
criterion-work_experience = Years of work
criterion-work_experience-raise = More years of work give more points.
criterion-professional_skills = Profession
criterion-professional_skills-raise = A profession on the list of professions needed in Kazakhstan gives more points.
criterion-adaptability = Ties with Kazakhstan
criterion-adaptability-raise = Relatives in Kazakhstan, earlier stays and study here give more points.

## Caveats

disclaimer-score = This is a preliminary self-check, not a decision. Only the official system's result counts.
disclaimer-score-illustrative = Example points
# $years is the contract term from the policy.
disclaimer-refund =
    If the family leaves the region before { $years } { $years ->
        [one] year has
       *[other] years have
    } passed, it may have to pay back all the support it received.
disclaimer-refund-uncertain = We have not seen the text of the law. It is not known whether only a part can be paid back, which payments count, or whether there are exceptions for good reasons. It is also not known whether the term counts from the day of signing or the day of arrival. We count from the day of signing.
disclaimer-rent-band = It is not known how the amount within this range is chosen. We show the whole range.
# $days is the whole procedure's term.
disclaimer-stage-durations = The screening is reported to take up to { $days } days in all. Times marked “our estimate” are not published figures.
disclaimer-general-grounds = We have not checked the law on this procedure. Ask the migration service.
disclaimer-uncertain = Not confirmed by law
disclaimer-not-official = Kosh is not a state service. The state decides on your application.

## Sources of the rules

source-mci = Law on the republican budget of 8 December 2025
source-quota = Order of 30 December 2025 on the 2026 kandas quota (mgorod.kz, baq.kz)
source-support = Ministry of Labour statement (zakon.kz); NITEC; lada.kz
source-stages = Deputy Prime Minister A. Balayeva, Migration Policy Concept to 2030; joint order of 30 January 2026
source-refund = Deputy Prime Minister A. Balayeva, 8 January 2026 (Xinhua, zakon.kz); lada.kz: leaving the host region before five years means paying back the whole amount of support
source-general-grounds = Conditions of kandas support: only with the regional quota and a five-year social contract (Ministry of Labour, zakon.kz)
source-scoring = Joint order of 30 January 2026 (Labour No. 41, Interior No. 60, Digital Development No. 47): the criteria and the pass mark of 400 points
