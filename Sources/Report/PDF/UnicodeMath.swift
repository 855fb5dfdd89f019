import Foundation

/// Converts TeX math to Pango markup with Unicode symbols, for the PDF report: Greek letters
/// and operators become their characters (`\alpha` → α, `\le` → ≤, `\|x\|` → ‖x‖),
/// `^` and `_` become `<sup>`/`<sub>`, `\frac{a}{b}` becomes a/b (parenthesised when needed),
/// `\sqrt{x}` √(x), `\mathbb{R}` ℝ, accents combining characters (`\hat{x}` → x̂), and Latin
/// variables are set in italics. Unknown commands are kept as their name, so nothing is lost.
enum UnicodeMath {
    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
        "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪", "gg": "≫", "cdot": "·", "times": "×", "div": "÷",
        "pm": "±", "mp": "∓", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫",
        "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "cup": "∪", "cap": "∩",
        "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "iff": "⇔",
        "Leftrightarrow": "⇔", "mapsto": "↦", "langle": "⟨", "rangle": "⟩", "|": "‖", "lVert": "‖", "rVert": "‖",
        "Vert": "‖", "lvert": "|", "rvert": "|", "vert": "|", "mid": " | ", "ldots": "…", "cdots": "⋯", "dots": "…",
        "top": "⊤", "circ": "∘", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "star": "⋆", "ell": "ℓ",
        "emptyset": "∅", "varnothing": "∅", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", ",": "\u{2009}", ";": "\u{2005}", ":": "\u{2005}", "!": "",
        " ": " ", "{": "{", "}": "}", "%": "%", "$": "$", "#": "#", "&": "&amp;", "_": "_", "prime": "′",
        "setminus": "∖", "perp": "⊥", "angle": "∠", "triangleq": "≜", "coloneqq": "≔", "colon": ":",
        "lbrace": "{", "rbrace": "}", "backslash": "\\",
    ]
    static let functions: Set<String> = [
        "sin", "cos", "tan", "log", "ln", "exp", "max", "min", "arg", "argmax", "argmin", "sup", "inf", "lim",
        "det", "tr", "sign", "sgn", "diag", "rank", "dim", "ker", "Pr", "softmax",
    ]
    static let accents: [String: String] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "tilde": "\u{0303}", "widetilde": "\u{0303}", "bar": "\u{0304}",
        "overline": "\u{0305}", "vec": "\u{20D7}", "dot": "\u{0307}", "ddot": "\u{0308}",
    ]
    static let doubleStruck: [Character: String] = [
        "R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ", "1": "𝟙",
    ]

    /// Pango markup for the TeX source `tex`.
    static func markup(_ tex: String) -> String {
        var parser = Parser(characters: Array(tex))
        return parser.sequence(until: nil)
    }

    /// A recursive-descent reader over the TeX source.
    private struct Parser {
        let characters: [Character]
        var index = 0

        /// Atoms up to `terminator` (or the end), with `^`/`_` scripts attached.
        mutating func sequence(until terminator: Character?) -> String {
            var output = ""
            while index < characters.count {
                let character = characters[index]
                if character == terminator {
                    index += 1
                    break
                }
                if character == "^" || character == "_" {
                    index += 1
                    let script = atom()
                    output += character == "^" ? "<sup>\(script)</sup>" : "<sub>\(script)</sub>"
                } else {
                    output += atom()
                }
            }
            return output
        }

        /// One atom: a group, a command with its arguments, or a character.
        mutating func atom() -> String {
            guard index < characters.count else { return "" }
            let character = characters[index]
            index += 1
            switch character {
            case "{": return sequence(until: "}")
            case "\\": return command()
            case " ", "\n", "\t": return ""
            case "~": return "\u{00A0}"
            case "'": return "′"
            case "&": return " "
            case "<": return " &lt; "
            case ">": return " &gt; "
            case "=", "+": return " \(character) "
            case "-": return " − "
            default:
                return character.isLetter && character.isASCII ? "<i>\(character)</i>" : String(character)
            }
        }

        /// A group argument's raw text (for `\text`, `\mathbb`, `\operatorname`).
        mutating func rawArgument() -> String {
            while index < characters.count, characters[index] == " " { index += 1 }
            guard index < characters.count else { return "" }
            guard characters[index] == "{" else {
                index += 1
                return String(characters[index - 1])
            }
            var depth = 0, text = ""
            while index < characters.count {
                let character = characters[index]
                index += 1
                if character == "{" {
                    depth += 1
                    if depth == 1 { continue }
                } else if character == "}" {
                    depth -= 1
                    if depth == 0 { break }
                }
                text.append(character)
            }
            return text
        }

        mutating func command() -> String {
            guard index < characters.count else { return "\\" }
            var name = ""
            if characters[index].isLetter {
                while index < characters.count, characters[index].isLetter {
                    name.append(characters[index])
                    index += 1
                }
            } else {
                name = String(characters[index])
                index += 1
            }
            if name == "\\" { return "; " }
            if let symbol = UnicodeMath.symbols[name] {
                let isRelation = ["le", "leq", "ge", "geq", "ne", "neq", "approx", "in", "to", "equiv", "sim", "mapsto", "Rightarrow", "iff", "subseteq", "subset"].contains(name)
                return isRelation ? " \(symbol) " : symbol
            }
            if UnicodeMath.functions.contains(name) { return name }
            if let accent = UnicodeMath.accents[name] { return atom() + accent }
            switch name {
            case "frac", "dfrac", "tfrac":
                let numerator = atom(), denominator = atom()
                return parenthesised(numerator) + "/" + parenthesised(denominator)
            case "sqrt": return "√" + parenthesised(atom())
            case "mathbb": return rawArgument().map { UnicodeMath.doubleStruck[$0] ?? String($0) }.joined()
            case "text", "textrm", "mathrm", "operatorname", "mbox", "textnormal":
                return escape(rawArgument())
            case "mathbf", "boldsymbol", "bm": return "<b>\(atom())</b>"
            case "mathit": return "<i>\(escape(rawArgument()))</i>"
            case "mathcal", "mathscr", "mathsf", "mathtt": return atom()
            case "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle":
                return ""
            case "begin", "end":
                _ = rawArgument()
                return ""
            default: return "\\" + name
            }
        }

        private func parenthesised(_ markup: String) -> String {
            let visible = markup.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            return visible.count <= 1 ? markup : "(\(markup))"
        }

        private func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
    }
}
