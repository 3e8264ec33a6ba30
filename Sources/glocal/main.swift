import Foundation

exit(CommandLineEntry.run(arguments: Array(CommandLine.arguments.dropFirst())))
