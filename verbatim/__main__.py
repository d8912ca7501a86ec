from verbatim.cli import main

main()
