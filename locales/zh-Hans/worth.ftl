# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：每条途径对这个家庭意味着什么（issue 12），在合同页面上。金额已格式化（$amount、$min、$max）。

ui-worth-title = { $year } 年配额途径给您家庭带来什么
ui-worth-family = 根据您的回答，一起搬迁的家庭成员：{ $members }
ui-worth-band = { $min } 至 { $max }
ui-worth-up-to = 最多 { $max }
ui-worth-mci = { $mci } MCI
ui-worth-monthly = 每月 { $amount }，共 { $months } 个月
ui-worth-per-member = 每位成员 { $mci } MCI（成员：{ $members }）
ui-worth-total = 合计：{ $amount }
ui-worth-mci-value = { $year } 年 1 MCI = { $amount }
ui-worth-mci-not-published = { $year } 年的 MCI 还没有公布，所以金额只用 MCI 表示。
ui-worth-band-note = 这是一个范围：范围内的金额如何确定还没有公布。
ui-worth-source = 来源：{ $source }
ui-worth-general-title = 一般途径要求什么
ui-worth-means-funds-kzt = 资金：{ $amount }（{ $year } 年 { $mci } MCI）
ui-worth-means-funds = 资金：{ $mci } MCI（{ $year } 年的 MCI 还没有公布）
ui-worth-means-housing = 另加 { $m2 } 平方米住房的钱：每位 { $age } 岁及以上的成员 { $per } 平方米（计入：{ $count }）。来源中没有说明每平方米的价格。
ui-worth-means-housing-each = 另加每位 { $age } 岁及以上的家庭成员 { $per } 平方米住房的钱。来源中没有说明每平方米的价格。
ui-worth-means-age-unknown = 回答中没有出生日期的成员：{ $count }。请填写出生日期以便计入。
ui-worth-means-exempt = 根据您的回答，您是哈萨克族：不需要证明这些资金。
ui-worth-means-applies = 根据您的回答，您不是哈萨克族：需要证明这些资金。
ui-worth-source-means = 《居民迁移法》第 23 条；egov.kz 上的内务部规定
