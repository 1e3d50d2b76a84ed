# Drafted without a native speaker: needs review by a native English speaker before release.
# English. Photos of papers on the checklist (kept on the phone, sent to the server when there is
# a connection) and, in settings, whether the browser keeps them.

## On the checklist

photos-intro = You can add a photo of each paper: from the camera or from the gallery. It is made smaller and its location data is removed before it is kept on this phone.
photos-add = Add a photo
photos-keeping = Making the photo smaller…
photos-alt = Photo { $number }: { $paper }
photos-remove = Remove
photos-remove-label = Remove photo { $number }: { $paper }
photos-waiting = Kept on this phone. It goes to the server when there is a connection.
photos-sent = Sent to the server.

## Why the server did not take a photo

photos-refused = The server did not take this photo. Remove it and add it again.
photos-refused-quota_exceeded = There is no more room for your photos on the server. Remove photos you no longer need.
photos-refused-payload_too_large = This photo is too big for the server. Remove it and add it again.
photos-refused-unsupported_media_type = The server did not recognise this photo as a picture. Remove it and add it again.
photos-refused-hash_mismatch = This photo was damaged on the phone. Remove it and add it again.
photos-refused-photo_missing = The browser has deleted this photo from the phone. Remove it and add it again.

## Why a photo could not be kept

photos-error-insecure = Photos need a secure connection. Open Kosh at its address that starts with https://.
photos-error-not_image = The phone could not open this file as a picture. Choose a photo (JPEG or PNG).
photos-error-storage = There is no room on this phone to keep the photo. Free some space and try again.
photos-error-unavailable = Photos could not start on this page. Reload the page and try again.
photos-error-unreadable = The phone could not read the file you chose. Choose it again.

## Settings

photos-storage-title = Photos on this phone
photos-storage-kept = The browser has promised to keep the photos on this phone.
photos-storage-refused = The browser has not promised to keep the photos: when the phone is short of space, it may delete them. Photos already sent to the server stay safe there.
photos-storage-unknown = This browser does not say whether it will keep the photos. Photos already sent to the server stay safe there.
