# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：只有应用（kosh-mobile 的页面）需要的词，ui.ftl 之外。

## 应用错误

mobile-error-storage = 无法在这部手机上保存答案。可能是存储空间已满。答案发送之前，请不要关闭应用。

## 设置：服务器地址（仅手机和电脑应用）

mobile-settings-server = 服务器地址
mobile-settings-server-bad = 地址必须以 http:// 或 https:// 开头

## 未知页面

mobile-not-found-title = 没有这个页面。

## 分数

mobile-score-criteria = 各项得分
# $points：会增加多少分。
mobile-score-gain = +{ $points } 分
mobile-score-unanswered = 有些问题还没有回答。这些问题暂时算 0 分。

## 合同

mobile-contract-invalid = 请检查合同信息：需要州、签署日期和家庭人数。
mobile-contract-support-invalid = 请检查这笔付款：需要补助种类、坚戈金额和日期。

## 国家


mobile-country-kz = 哈萨克斯坦
mobile-country-uz = 乌兹别克斯坦
mobile-country-cn = 中国
mobile-country-tm = 土库曼斯坦
mobile-country-mn = 蒙古
mobile-country-ru = 俄罗斯
mobile-country-kg = 吉尔吉斯斯坦
mobile-country-tj = 塔吉克斯坦
mobile-country-af = 阿富汗
mobile-country-ir = 伊朗
mobile-country-tr = 土耳其
mobile-country-az = 阿塞拜疆
mobile-country-ge = 格鲁吉亚
mobile-country-am = 亚美尼亚
mobile-country-ua = 乌克兰
mobile-country-by = 白俄罗斯
mobile-country-md = 摩尔多瓦
mobile-country-lt = 立陶宛
mobile-country-lv = 拉脱维亚
mobile-country-ee = 爱沙尼亚
mobile-country-pl = 波兰
mobile-country-de = 德国
mobile-country-gb = 英国
mobile-country-us = 美国
mobile-country-ca = 加拿大
mobile-country-kr = 韩国
mobile-country-jp = 日本
mobile-country-in = 印度
mobile-country-pk = 巴基斯坦
mobile-country-ae = 阿联酋
