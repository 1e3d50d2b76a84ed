# Drafted without a native speaker: needs review by a native Chinese speaker.
# 简体中文：材料清单中的材料照片（保存在手机上，有网络时上传到服务器），以及设置中浏览器是否保留这些照片。

## 材料清单中

photos-intro = 每份材料都可以添加照片：用相机拍摄或从相册选择。照片在保存到这部手机之前会被缩小，拍摄地点信息会被删除。
photos-add = 添加照片
photos-keeping = 正在缩小照片…
photos-alt = 照片 { $number }：{ $paper }
photos-remove = 删除
photos-remove-label = 删除照片 { $number }：{ $paper }
photos-waiting = 已保存在这部手机上。有网络时会上传到服务器。
photos-sent = 已上传到服务器。

## 服务器为什么没有接收照片

photos-refused = 服务器没有接收这张照片。请删除后重新添加。
photos-refused-quota_exceeded = 服务器上已没有空间存放您的照片。请删除不再需要的照片。
photos-refused-payload_too_large = 这张照片对服务器来说太大。请删除后重新添加。
photos-refused-unsupported_media_type = 服务器没有把这个文件识别为图片。请删除后重新添加。
photos-refused-hash_mismatch = 这张照片在手机上已损坏。请删除后重新添加。
photos-refused-photo_missing = 浏览器已从手机上删除了这张照片。请删除后重新添加。

## 为什么无法保存照片

photos-error-insecure = 照片需要安全连接。请通过以 https:// 开头的地址打开 Kosh。
photos-error-not_image = 手机无法把这个文件作为图片打开。请选择照片（JPEG 或 PNG）。
photos-error-storage = 手机上没有空间保存这张照片。请释放一些空间后重试。
photos-error-unavailable = 此页面无法启动照片功能。请刷新页面后重试。
photos-error-unreadable = 手机无法读取所选的文件。请重新选择。

## 设置

photos-storage-title = 这部手机上的照片
photos-storage-kept = 浏览器已承诺在这部手机上保留照片。
photos-storage-refused = 浏览器没有承诺保留照片：手机空间不足时可能会删除它们。已上传到服务器的照片在那里是安全的。
photos-storage-unknown = 这个浏览器没有说明是否会保留照片。已上传到服务器的照片在那里是安全的。
