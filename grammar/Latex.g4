// LaTeX math as written in articles. No embedded actions: one visitor (src/Symbolic.Latex/Syntax)
// builds the syntax tree. Every decision about ambiguous notation is listed in grammar/README.md.
//
// Levels, loosest first:  rows (\\)  >  cells (&)  >  \over  >  bars (| \mid \Vert as separators)
//   >  punctuation lists (, ; .)  >  relations (= < \to \in ...)  >  additive (+ - \pm)
//   >  explicit products (\cdot \times / \wedge \otimes ...)  >  juxtaposition chain  >  factor.
// A chain is kept flat; the visitor groups function arguments and big-operator bodies.
grammar Latex;

// Every parse-tree context derives from LatexRuleContext (src/Symbolic.Latex): its child accessors are not the
// runtime's virtual generic ones, which a native build resolves at run time.
options { contextSuperClass = LatexRuleContext; }

// ------------------------------------------------------------------------------------------------
// Parser
// ------------------------------------------------------------------------------------------------

math    : rows EOF ;

// One alignment row read as a single formula (the reader drops its '&' marks and re-reads it).
alignedRow : cell EOF ;

rows    : row (ROWSEP row)* ;
row     : cell (AMP cell)* ;
cell    : meta* content meta* ;

meta
    : TAG           # tagMeta
    | LABEL         # labelMeta
    | NONUMBER      # noNumberMeta
    ;

content : barList (OVER barList)? ;
barList : list (bar list)* ;
bar     : BAR | DBAR | MID | MIDDLE delim ;

list    : rel? (punct rel?)* ;
punct   : COMMA | SEMI | DOT ;

rel
    : expr (relOp expr?)*
    | (relOp expr?)+
    ;
relOp   : NOT? (REL | LT | GT | COLON) ;

expr    : addOp* term (addOp+ term)* addOp* ;
addOp   : PLUS | MINUS | PM ;

term
    : chain (mulOp chain?)* evalBar?
    | (mulOp chain?)+ evalBar?
    ;
// An evaluation bar F \bigg|_a^b applies to the whole term before it (grammar/README.md).
evalBar : BAR (SUB arg (SUP arg)? | SUP arg (SUB arg)?) ;
// \boldsymbol{\cdot}: an operator written in a font is the operator.
mulOp   : MULOP | STAR | FONT_OP ;

chain   : factor+ ;

factor  : primary postfix* ;

postfix
    : SUB arg       # subscript
    | SUP arg       # superscript
    | PRIME         # prime
    | BANG          # factorial
    | LIMITS        # limits
    ;

// A macro argument: a braced group or one token (TeX reads `x^2`, `\frac12`, `\dot x`).
arg
    : LBRACE addOp RBRACE                                   # signArg
    | LBRACE STAR RBRACE                                    # starArg
    | LBRACE content RBRACE                                 # groupArg
    | (LETTER | DIGIT | SYMBOL | CMD | STAR | PLUS | MINUS | PM | MULOP | PRIME | BANG)  # tokenArg
    | (FONT | ACCENT) arg                                   # commandArg
    | TEXT                                                  # textArg
    ;

primary
    : number                                                # numberPrimary
    | LETTER                                                # letterPrimary
    | SYMBOL                                                # symbolPrimary
    | CMD (LBRACE content RBRACE)*                          # commandPrimary
    | LBRACE addOp+ RBRACE                                  # signPrimary
    | LBRACE content RBRACE                                 # bracePrimary
    | open=(LPAREN | LBRACK) content close=(RPAREN | RBRACK) # parenPrimary
    | LBRACE_ESC content RBRACE_ESC                         # setPrimary
    | BAR content BAR                                       # absPrimary
    | DBAR content DBAR                                     # normPrimary
    | OPEN_CMD content CLOSE_CMD                            # anglePrimary
    | LEFT delim content RIGHT delim                        # leftRightPrimary
    | FRAC arg arg                                          # fracPrimary
    | BINOM arg arg                                         # binomPrimary
    | SQRT (LBRACK content RBRACK)? arg                     # sqrtPrimary
    | FONT arg                                              # fontPrimary
    | FONT_SWITCH                                           # fontSwitchPrimary
    | ACCENT arg                                            # accentPrimary
    | TEXT                                                  # textPrimary
    | OPNAME                                                # operatorNamePrimary
    | MATHOP arg                                            # mathOpPrimary
    | FUNC                                                  # functionPrimary
    | BIGOP                                                 # bigOpPrimary
    | environment                                           # environmentPrimary
    ;

number  : DIGIT+ (DOT DIGIT+)? ;

delim
    : LPAREN | RPAREN | LBRACK | RBRACK | LBRACE_ESC | RBRACE_ESC | DOT | BAR | DBAR | MID
    | OPEN_CMD | CLOSE_CMD | LT | GT | MULOP | SYMBOL
    ;


environment
    : BEGIN_ENV rows END_ENV                                # plainEnvironment
    | BEGIN_ARRAY (LBRACK ~RBRACK* RBRACK)? rawGroup rows END_ENV  # arrayEnvironment
    ;
rawGroup: LBRACE rawItem* RBRACE ;
rawItem : rawGroup | ~(LBRACE | RBRACE) ;

// ------------------------------------------------------------------------------------------------
// Lexer. Longest match wins; among equal lengths the rule listed first wins, so every named
// command sits above the generic CMD.
// ------------------------------------------------------------------------------------------------

COMMENT     : '%' ~[\r\n]* -> skip ;
WS          : [ \t\r\n]+ -> skip ;

// Spacing, sizing and style switches change only the look: dropped (grammar/README.md).
SPACE
    : ( '\\,' | '\\;' | '\\:' | '\\!' | '\\>' | '\\ ' | '\\' [\r\n] | '~'
      | '\\quad' | '\\qquad' | '\\enspace' | '\\thinspace' | '\\medspace' | '\\thickspace'
      | '\\negthinspace' | '\\negmedspace' | '\\negthickspace' | '\\allowbreak' | '\\nobreak'
      | '\\displaystyle' | '\\textstyle' | '\\scriptstyle' | '\\scriptscriptstyle'
      | '\\hline' | '\\hdashline' | '\\centering' | '\\protect' | '\\qedhere'
      | '\\big' | '\\Big' | '\\bigg' | '\\Bigg'
      | '\\bigl' | '\\Bigl' | '\\biggl' | '\\Biggl' | '\\bigr' | '\\Bigr' | '\\biggr' | '\\Biggr'
      | '\\bigm' | '\\Bigm' | '\\biggm' | '\\Biggm'
      | ('\\hspace' | '\\vspace' | '\\mkern' | '\\mskip' | '\\kern') '*'? [ \t]* '{' ~[{}]* '}'
      ) -> skip ;

ROWSEP      : '\\\\' '*'? ([ \t]* '[' [ \t]* [0-9.+\-]+ [ \t]* [a-z]+ [ \t]* ']')? | '\\cr' ;
AMP         : '&' ;

BEGIN_ARRAY : '\\begin' [ \t]* '{' ('array' | 'subarray' | 'alignat' | 'alignedat' | 'tabular' | 'darray') '*'? '}' ;
BEGIN_ENV   : '\\begin' [ \t]* '{' [a-zA-Z]+ '*'? '}' ;
END_ENV     : '\\end' [ \t]* '{' [a-zA-Z]+ '*'? '}' ;

// Text-like arguments are read whole (braces nested up to two levels) so that their content is
// never tokenised as math: \text{for all $x$}, \label{eq:std}, \operatorname{arg\,min}.
fragment BRACED : '{' (~[{}\\] | '\\' . | '{' (~[{}\\] | '\\' . | '{' (~[{}\\] | '\\' .)* '}')* '}')* '}' ;
TAG         : '\\tag' '*'? [ \t]* BRACED ;
LABEL       : '\\label' [ \t]* BRACED ;
NONUMBER    : '\\nonumber' | '\\notag' ;
TEXT
    : ( '\\text' | '\\textrm' | '\\textit' | '\\textbf' | '\\textsf' | '\\texttt' | '\\textnormal'
      | '\\textup' | '\\mbox' | '\\hbox' ) [ \t]* BRACED ;
OPNAME      : '\\operatorname' '*'? [ \t]* BRACED ;
MATHOP      : '\\mathop' ;

LEFT        : '\\left' ;
RIGHT       : '\\right' ;
MIDDLE      : '\\middle' ;
LIMITS      : '\\limits' | '\\nolimits' | '\\displaylimits' ;
OVER        : '\\over' | '\\choose' | '\\atop' | '\\brack' | '\\brace' ;

FRAC        : '\\frac' | '\\dfrac' | '\\tfrac' | '\\cfrac' ;
BINOM       : '\\binom' | '\\dbinom' | '\\tbinom' ;
SQRT        : '\\sqrt' ;

// \boldsymbol{\cdot}: an operator in a font is the operator (one token, so it is never read as a bold symbol).
FONT_OP     : ('\\boldsymbol' | '\\mathbf' | '\\bm') [ \t]* '{' [ \t]* ('\\cdot' | '\\times' | '*') [ \t]* '}' ;
FONT
    : '\\mathrm' | '\\mathbf' | '\\mathit' | '\\mathsf' | '\\mathtt' | '\\mathbb' | '\\mathcal'
    | '\\mathscr' | '\\mathfrak' | '\\mathnormal' | '\\boldsymbol' | '\\bm' | '\\pmb' | '\\mathbfit'
    | '\\mathbold' | '\\mathbbm' | '\\Bbb' | '\\bold'
    ;
FONT_SWITCH : '\\rm' | '\\bf' | '\\it' | '\\cal' | '\\sf' | '\\tt' | '\\mit' | '\\bfseries' ;
ACCENT
    : '\\dot' | '\\ddot' | '\\dddot' | '\\ddddot' | '\\hat' | '\\widehat' | '\\tilde' | '\\widetilde'
    | '\\bar' | '\\overline' | '\\underline' | '\\vec' | '\\check' | '\\breve' | '\\acute'
    | '\\grave' | '\\mathring' | '\\overrightarrow' | '\\overleftarrow' | '\\overleftrightarrow'
    | '\\overbrace' | '\\underbrace' | '\\widecheck'
    ;

FUNC
    : '\\sin' | '\\cos' | '\\tan' | '\\cot' | '\\sec' | '\\csc' | '\\arcsin' | '\\arccos'
    | '\\arctan' | '\\sinh' | '\\cosh' | '\\tanh' | '\\coth' | '\\log' | '\\ln' | '\\lg' | '\\exp'
    | '\\det' | '\\dim' | '\\ker' | '\\deg' | '\\arg' | '\\hom' | '\\gcd' | '\\Pr' | '\\max'
    | '\\min' | '\\sup' | '\\inf' | '\\lim' | '\\limsup' | '\\liminf' | '\\argmax' | '\\argmin'
    | '\\injlim' | '\\projlim' | '\\tr' | '\\Tr' | '\\sgn' | '\\erf' | '\\diag' | '\\rank'
    ;
BIGOP
    : '\\sum' | '\\prod' | '\\coprod' | '\\int' | '\\iint' | '\\iiint' | '\\iiiint' | '\\oint'
    | '\\oiint' | '\\idotsint' | '\\bigcup' | '\\bigcap' | '\\bigoplus' | '\\bigotimes'
    | '\\bigodot' | '\\biguplus' | '\\bigsqcup' | '\\bigwedge' | '\\bigvee'
    ;

REL
    : '=' | ':=' | '\\neq' | '\\ne' | '\\leq' | '\\le' | '\\geq' | '\\ge' | '\\leqslant'
    | '\\geqslant' | '\\lt' | '\\gt' | '\\ll' | '\\gg' | '\\approx' | '\\equiv' | '\\sim'
    | '\\simeq' | '\\cong' | '\\propto' | '\\asymp' | '\\doteq' | '\\triangleq' | '\\coloneqq'
    | '\\to' | '\\rightarrow' | '\\leftarrow' | '\\gets' | '\\mapsto' | '\\longrightarrow'
    | '\\longleftarrow' | '\\longmapsto' | '\\Rightarrow' | '\\Leftarrow' | '\\Leftrightarrow'
    | '\\leftrightarrow' | '\\Longrightarrow' | '\\Longleftarrow' | '\\Longleftrightarrow'
    | '\\iff' | '\\implies' | '\\impliedby' | '\\in' | '\\notin' | '\\ni' | '\\subset'
    | '\\subseteq' | '\\supset' | '\\supseteq' | '\\subsetneq' | '\\supsetneq' | '\\perp'
    | '\\parallel' | '\\models' | '\\vdash' | '\\dashv' | '\\prec' | '\\succ' | '\\preceq'
    | '\\succeq' | '\\nearrow' | '\\searrow' | '\\uparrow' | '\\downarrow' | '\\rightleftharpoons'
    | '\\colon' | '\\lesssim' | '\\gtrsim' | '\\nsim' | '\\not='
    | '≤' | '≥' | '≠' | '→' | '≈' | '∈' | '≡' | '⇒' | '⇔' | '←' | '↦'
    ;
NOT         : '\\not' ;
LT          : '<' ;
GT          : '>' ;
COLON       : ':' ;

PLUS        : '+' ;
MINUS       : '-' | '−' ;
PM          : '\\pm' | '\\mp' | '±' | '∓' ;
MULOP
    : '/' | '\\cdot' | '\\times' | '\\div' | '\\wedge' | '\\land' | '\\vee' | '\\lor' | '\\otimes'
    | '\\oplus' | '\\odot' | '\\circ' | '\\star' | '\\bullet' | '\\cup' | '\\cap'
    | '\\setminus' | '\\backslash' | '\\sqcup' | '\\sqcap' | '\\uplus' | '\\ltimes' | '\\rtimes'
    | '\\diamond'
    | '×' | '·' | '∧' | '⊗'
    ;
STAR        : '*' ;

LBRACE      : '{' ;
RBRACE      : '}' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LBRACE_ESC  : '\\{' | '\\lbrace' ;
RBRACE_ESC  : '\\}' | '\\rbrace' ;
BAR         : '|' | '\\vert' ;
DBAR        : '\\|' | '\\Vert' ;
MID         : '\\mid' ;
OPEN_CMD    : '\\langle' | '\\lvert' | '\\lVert' | '\\lfloor' | '\\lceil' | '\\lbrack' ;
CLOSE_CMD   : '\\rangle' | '\\rvert' | '\\rVert' | '\\rfloor' | '\\rceil' | '\\rbrack' ;

SUB         : '_' ;
SUP         : '^' ;
PRIME       : '\'' ;
BANG        : '!' ;
COMMA       : ',' ;
SEMI        : ';' ;
DOT         : '.' ;

// Identifiers: Greek letters and other symbols that take no argument. One token per command.
SYMBOL
    : '\\alpha' | '\\beta' | '\\gamma' | '\\delta' | '\\epsilon' | '\\varepsilon' | '\\zeta'
    | '\\eta' | '\\theta' | '\\vartheta' | '\\iota' | '\\kappa' | '\\varkappa' | '\\lambda'
    | '\\mu' | '\\nu' | '\\xi' | '\\pi' | '\\varpi' | '\\rho' | '\\varrho' | '\\sigma'
    | '\\varsigma' | '\\tau' | '\\upsilon' | '\\phi' | '\\varphi' | '\\chi' | '\\psi' | '\\omega'
    | '\\Gamma' | '\\Delta' | '\\Theta' | '\\Lambda' | '\\Xi' | '\\Pi' | '\\Sigma' | '\\Upsilon'
    | '\\Phi' | '\\Psi' | '\\Omega' | '\\varGamma' | '\\varDelta' | '\\varTheta' | '\\varLambda'
    | '\\varXi' | '\\varPi' | '\\varSigma' | '\\varUpsilon' | '\\varPhi' | '\\varPsi' | '\\varOmega'
    | '\\infty' | '\\partial' | '\\nabla' | '\\hbar' | '\\ell' | '\\imath' | '\\jmath' | '\\aleph'
    | '\\beth' | '\\wp' | '\\Re' | '\\Im' | '\\top' | '\\bot' | '\\dagger' | '\\ast' | '\\prime' | '\\emptyset'
    | '\\varnothing' | '\\forall' | '\\exists' | '\\nexists' | '\\neg' | '\\lnot' | '\\angle'
    | '\\triangle' | '\\Box' | '\\square' | '\\blacksquare' | '\\checkmark' | '\\degree'
    | '\\cdots' | '\\ldots' | '\\dots' | '\\vdots' | '\\ddots' | '\\dotsb' | '\\dotsc' | '\\dotsm'
    | '\\dotsi' | '\\dotso' | '\\cdotp' | '\\ldotp' | '\\therefore' | '\\because'
    | '\\%' | '\\#' | '\\$' | '\\&' | '\\_'
    | '…' | '⋯' | '∞' | '∂' | '∇'
    ;

CMD         : '\\' [a-zA-Z]+ | '\\' ~[a-zA-Z\r\n] ;
DIGIT       : [0-9] ;
// A letter: ASCII here; any other character no rule above takes is NONASCII, which the lexer turns into LETTER
// when Unicode calls it a letter (\p{L}) and into ANY otherwise (src/Symbolic.Latex/LatexLexer.Letters.cs): as a
// lexer set, [\p{L}] cost every process ≈ 15 ms of ATN deserialization at start-up.
LETTER      : [a-zA-Z] ;
NONASCII    : [\u0080-\u{10FFFF}] ;
// Anything else becomes one token the parser rejects with a readable message.
ANY         : . ;

