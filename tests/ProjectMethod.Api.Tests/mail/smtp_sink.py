"""A mail server for the suite: aiosmtpd (Debian's python3-aiosmtpd) with a handler that keeps every message it takes.

Run as:  python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink FOLDER   (with this folder on PYTHONPATH)

Each message taken is written whole to FOLDER/NNNN.eml (written beside, then renamed), with the envelope's recipients
in an X-Envelope-To header first. What the server does is steered by files in FOLDER, read at each command:
  refuse.txt  one address per line: RCPT TO for it is answered 550 (refused for good)
  defer       while it exists, DATA is answered 451 (try again later)
"""
import itertools
import os


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.Sink takes the folder to keep messages in")
        return cls(args[0])

    def _refused(self):
        try:
            with open(os.path.join(self.folder, "refuse.txt"), encoding="utf-8") as f:
                return {line.strip().lower() for line in f if line.strip()}
        except FileNotFoundError:
            return set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self._refused():
            return "550 5.1.1 Mailbox does not exist"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if os.path.exists(os.path.join(self.folder, "defer")):
            return "451 4.3.0 Mail server busy, try again later"
        number = next(self.counter)
        while os.path.exists(os.path.join(self.folder, f"{number:04d}.eml")):
            number = next(self.counter)
        path = os.path.join(self.folder, f"{number:04d}.eml")
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        with open(path + ".part", "wb") as f:
            f.write(("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode("ascii"))
            f.write(content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"
