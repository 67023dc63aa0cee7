grammar Latex;

// Placeholder rule proving the build pipeline; the full grammar lands with the LaTeX issue.
math : expr EOF ;
expr : expr ('+' | '-') term | term ;
term : ATOM ;
ATOM : [a-zA-Z0-9]+ ;
WS : [ \t\r\n]+ -> skip ;
