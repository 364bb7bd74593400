curl 'https://amojo.kommo.com/v2/origin/custom/f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38/3419eef6-2aa3-464c-b6e4-4386d0f8f3ca/delivery_status' \
  -X POST -H 'Date: Mon, 12 Dec 2022 10:30:00 +0000' \
  -H $'Content-Type: application/json' -H 'X-Signature: $SIG' \
  --data-raw $'{"msgid":"3419eef6-2aa3-464c-b6e4-4386d0f8f3ca","delivery_status":2}\n' --compressed
