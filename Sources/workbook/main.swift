import CLI
import Commands
import Foundation

// The executable only hands its arguments to the library (STYLE.md rule 1).
let code = Entry.run(Array(CommandLine.arguments.dropFirst()), console: { language, plain in
    Console.process(language: language, plain: plain)
})
exit(code)
