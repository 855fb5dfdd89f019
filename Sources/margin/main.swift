import MarginCLI

MarginCommand.main()
