import SimKit

/// The exit codes aws CLI v2 returns (`awscli/constants.py`; DESIGN.md "Exit codes").
public enum CLIExit {
    /// The command succeeded.
    public static let success: Int32 = 0
    /// Bad syntax, unknown option, missing argument or a bad parameter value
    /// (`PARAM_VALIDATION_ERROR_RC`; v2 reports argparse errors through this code too).
    public static let parameterError: Int32 = 252
    /// No credentials or no region (`CONFIGURATION_ERROR_RC`).
    public static let configurationError: Int32 = 253
    /// The service answered with an error (`CLIENT_ERROR_RC`).
    public static let serviceError: Int32 = 254
    /// Anything else (`GENERAL_ERROR_RC`).
    public static let generalError: Int32 = 255
}

/// An outcome of an aws CLI command that is not a printed response: exactly what the CLI
/// writes on stderr and the exit code it ends with.
public struct CLIFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The complete stderr text, newlines included.
    public var stderr: String
    /// The process exit code.
    public var exitCode: Int32

    /// A failure with the given stderr text and exit code.
    public init(stderr: String, exitCode: Int32) {
        self.stderr = stderr
        self.exitCode = exitCode
    }

    public var description: String { stderr }

    /// v2's `FilteredExceptionHandler`: a blank line, the message, a newline
    /// (`awscli/errorhandler.py`, before the 2025 `aws: [ERROR]:` prefix).
    static func message(_ text: String, exitCode: Int32) -> CLIFailure {
        CLIFailure(stderr: "\n" + text + "\n", exitCode: exitCode)
    }

    /// A service error: `An error occurred (Code) when calling the Op operation: message`, exit 254.
    public static func service(_ error: AWSError, operation: String) -> CLIFailure {
        message(error.cliLine(operation: operation), exitCode: CLIExit.serviceError)
    }

    /// `Error parsing parameter '--item': …` (`awscli/argprocess.py` `ParamError`), exit 252.
    public static func parameter(_ cliName: String, _ text: String) -> CLIFailure {
        message("Error parsing parameter '\(cliName)': \(text)", exitCode: CLIExit.parameterError)
    }

    /// A `ParamValidationError` raised by a customization (`Bad value for --query …`), exit 252.
    public static func validation(_ text: String) -> CLIFailure {
        message(text, exitCode: CLIExit.parameterError)
    }

    /// `Bad value for --query <q>: <jmespath error>` (`customizations/globalargs.py`), exit 252.
    public static func badQuery(_ query: String, reason: String) -> CLIFailure {
        validation("Bad value for --query \(query): \(reason)")
    }

    /// Any other Python exception reaching the CLI's general handler, exit 255.
    public static func general(_ text: String) -> CLIFailure {
        message(text, exitCode: CLIExit.generalError)
    }

    /// The usage banner argparse prints (`awscli/argparser.py` `USAGE`), ending in a newline.
    public static let usage = """
        usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
        To see help text, you can run:

          aws help
          aws <command> help
          aws <command> <subcommand> help

        """

    /// An argparse error (`CLIArgParser.error` raises `ArgParseException`, handled with exit 252):
    /// blank line, usage, blank line, `aws: error: <message>`, blank line.
    public static func argparse(_ text: String) -> CLIFailure {
        message(usage + "\n" + "aws: error: \(text)\n", exitCode: CLIExit.parameterError)
    }

    /// `aws: error: the following arguments are required: --a, --b`.
    public static func missingArguments(_ names: [String]) -> CLIFailure {
        argparse("the following arguments are required: " + names.joined(separator: ", "))
    }

    /// `Unknown options: --x, y` (`UnknownArgumentErrorHandler`), exit 252.
    public static func unknownOptions(_ options: [String]) -> CLIFailure {
        CLIFailure(stderr: "\n" + usage + "\nUnknown options: " + options.joined(separator: ", ") + "\n\n",
                   exitCode: CLIExit.parameterError)
    }
}
