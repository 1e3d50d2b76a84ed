# Drafted without a native speaker: needs review by a native Chinese speaker.
# 本文件不是由母语者撰写的：发布前需要请中文母语者审校。
# 简体中文。服务器错误（error-<代码>）和回答检查（validation-<代码>）。
# 用户会在问题下面或屏幕上看到这些话。不用技术词：说清发生了什么、该怎么做。

## 服务器错误：kosh_shared::api::ERROR_CODES 中的代码

error-bad_request = 应用发送的内容不对。请更新应用后再试一次。
error-unauthorized = 请重新登录账号。
error-forbidden = 您没有权限查看这个。
error-not_found = 什么也没找到。可能已经被删除了。
error-method_not_allowed = 不能这样操作。请更新应用。
error-conflict = 这些数据已经变了。请刷新页面后再试一次。
error-payload_too_large = 一次发送的数据太多。请再试一次。
error-unsupported_media_type = 应用发送的数据格式不对。请更新应用。
error-request_timeout = 服务器很久没有回应。请再试一次。
error-rate_limited = 尝试次数太多。请稍等一会儿再试。
error-internal = 服务器出了故障。您的回答已保存在手机上。请稍后再试。
error-invalid_email = 请检查邮箱地址。例如：aigul@mail.kz
error-weak_password = 密码太短。至少需要 10 个字符。
error-email_taken = 这个邮箱已经注册过了。请登录您的账号。
error-invalid_credentials = 邮箱或密码不对。
error-token_reused = 为了安全，我们已让您退出账号。请重新登录。
error-too_many_ops = 一次的修改太多。应用会分几次发送。
error-validation_failed = 问卷里有错误。请改正后重新提交。
error-invalid_transition = 申请的这个阶段现在不能更改。
error-unknown_region = 名单里没有这个州。请从名单中选择。
error-unknown_form = 没有这份问卷。请更新应用。
error-invalid_hlc = 手机上的时间不对劲。请检查日期和时间。
error-invalid_date = 日期不对。请检查日、月、年。
error-uri_too_long = 应用发送的地址太长。请更新应用。
error-headers_too_large = 应用一次发送的数据太多。请更新应用后再试。
error-server_busy = 服务器正忙。您的回答已保存在手机上。应用稍后会自动重试。
error-storage_full = 服务器现在无法保存。您的回答已保存在手机上。应用稍后会自动重试。
error-invalid_policy = 规则未被接受：其中有错误。没有发布任何内容。
error-invalid_form = 问卷未被接受：其中有错误。没有发布任何内容。
error-version_exists = 此版本的问卷已用其他内容发布。请将其作为新版本发布。
error-hash_mismatch = 照片没有完整送达。我们会重新发送。
error-quota_exceeded = 服务器上已没有空间存放您的照片。请删除一些照片后再试。
error-bad_range = 照片上传的进度不一致。我们会自动继续上传。

## 手机上的错误（没有服务器代码）

error-unknown = 出了点问题。请再试一次。
error-offline = 没有网络。回答已保存在手机上。
error-server-unreachable = 服务器没有回应。我们会自动再试。
error-storage-damaged = 手机上保存的数据损坏了。我们已把它们放到一边，重新开始。

## 回答检查：kosh_shared::validate::CODES 中的代码

validation-required = 请回答这个问题。
validation-wrong_type = 这个回答不合适。请再试一次。
validation-below_min = 数字太小。
validation-above_max = 数字太大。
validation-not_integer = 请填整数，不要带小数点。
validation-too_short = 太短了。请多写一些。
validation-too_long = 太长了。请写短一些。
validation-invalid_date = 日期不对。请检查日、月、年。
validation-date_too_early = 日期太早。
validation-date_too_late = 日期太晚。不能晚于今天。
validation-invalid_option = 请从列表中选择答案。
validation-duplicate_option = 这个答案已经选过了。
validation-exclusive_option = 这个答案不能和其他答案一起选。请只留一个。
validation-too_few_items = 请至少添加一条。
validation-too_many_items = 条目太多。
validation-invalid_email = 请检查邮箱地址。例如：aigul@mail.kz
validation-invalid_phone = 请检查电话号码。要以国家代码开头，例如 +998。
validation-invalid_country = 请从列表中选择国家。
validation-invalid_region = 请从列表中选择州。
validation-unknown_question = 问卷里没有这个问题。请更新应用。
validation-check_failed = 这个回答和其他回答对不上。请检查一下。
validation-end_before_start = 结束日期早于开始日期。
validation-more_years_than_age = 工龄不能超过您的年龄。
validation-kaztest_below_pass = 低于 30%。KAZTEST 每一部分都至少要 30% 才能通过。
