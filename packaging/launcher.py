"""Entry point of the frozen build: the same `glossator` command as the installed script."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--pdf-worker"]:  # a PDF read in its own process (pdf_sandbox)
        from glossator.formats.pdf_worker import main as read_one_pdf

        sys.exit(read_one_pdf())
    from glossator.cli import main

    sys.exit(main())
