namespace SlaEngine.Evaluation;

/// <summary>What a milestone of an evaluation measures; <see cref="MilestoneResult.Name"/> says which one.</summary>
public enum MilestoneKind
{
    /// <summary>The first touch (<c>first_touch</c>): the first sales touch of the lead, by its due.</summary>
    FirstTouch,

    /// <summary>The effort (<c>effort</c>): a number of touches, by channel, within the effort window.</summary>
    Effort,

    /// <summary>One step of a cadence (<c>cadence_step_N</c>); <see cref="MilestoneResult.Step"/> is N.</summary>
    CadenceStep,

    /// <summary>The disposition (<c>disposition</c>): an outcome recorded for the lead, by its due.</summary>
    Disposition,
}
