"""A file-based e-mail backend that can be slowed down, to kill a worker mid-send."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileBackend


class EmailBackend(FileBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, file_path=file_path or os.environ["EMAIL_FILE_PATH"], **kwargs)

    def send_messages(self, email_messages):
        marker = os.environ.get("SLOW_MAIL_MARKER")
        if marker:
            Path(marker).write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("SLOW_MAIL_SECONDS") or 0))
        return super().send_messages(email_messages)
