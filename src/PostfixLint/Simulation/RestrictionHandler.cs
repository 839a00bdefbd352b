namespace PostfixLint.Simulation;

/// <summary>Evaluates one restriction; returns a <see cref="CheckStatus"/> code, throws <see cref="CheckJump"/> or <see cref="UnknownOutcome"/>.</summary>
internal delegate int RestrictionHandler(CheckContext context, in RestrictionCall call);
