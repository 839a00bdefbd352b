namespace PostfixLint.Model;
