"""`python -m briefing_tui` runs the same command as `briefing`."""

from briefing_tui.launch import main

if __name__ == "__main__":
    main()
