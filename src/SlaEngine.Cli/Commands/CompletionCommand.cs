using System.CommandLine;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// <c>slaengine completion bash|zsh|pwsh</c>: prints a script that hooks the shell's tab completion to System.CommandLine's
/// <c>[suggest]</c> directive, so completions always match the installed tool's commands, options and values.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # slaengine tab completion for bash. Install: slaengine completion bash >> ~/.bashrc
        _slaengine_complete()
        {
            local IFS=$'\n'
            local completions
            completions=$(slaengine "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=( $(compgen -W "${completions}" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _slaengine_complete slaengine

        """;

    private const string Zsh = """
        # slaengine tab completion for zsh. Install: slaengine completion zsh >> ~/.zshrc  (after compinit)
        _slaengine_complete()
        {
            local -a completions
            completions=("${(@f)$(slaengine "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            compadd -a completions
            _files
        }
        compdef _slaengine_complete slaengine

        """;

    private const string Pwsh = """
        # slaengine tab completion for PowerShell. Install: slaengine completion pwsh >> $PROFILE
        Register-ArgumentCompleter -Native -CommandName slaengine -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            slaengine "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;

    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print the tab-completion script for bash, zsh or PowerShell.") { shell };
        command.SetAction(result =>
        {
            context.Out.Write(result.GetValue(shell) switch { "bash" => Bash, "zsh" => Zsh, _ => Pwsh });
            return Program.ExitOk;
        });
        return command.WithHelp(
            """
            The script asks the tool itself for completions (System.CommandLine's [suggest] directive), so they follow
            the installed version: commands, options, and values such as --format, --by, --zone and --at now.
            """,
            "slaengine completion bash >> ~/.bashrc",
            "slaengine completion zsh >> ~/.zshrc",
            "slaengine completion pwsh >> $PROFILE");
    }
}
