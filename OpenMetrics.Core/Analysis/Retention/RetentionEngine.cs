namespace OpenMetrics.Core.Analysis.Retention;

/// <summary>
/// Computes a retention table over users streamed one at a time (docs/semantics.md "Retention", PostHog's calendar
/// definition). The caller resolves identities, reads each user's events in <see cref="EventOrder"/>, matches them
/// against <see cref="Predicates"/> and calls <see cref="AddUser"/>; the engine keeps one counter per cell.
/// <para>
/// What the stream must hold: the user's events in <c>[From, ReadTo)</c> (returns count up to the last cohort's
/// period N - 1). A first-time cohort also needs the user's first-ever start event: either the stream reaches back to
/// it, or the caller passes its time as <c>firstStart</c> (for the default start event, the user's first seen). A user
/// whose first start event is before <c>From</c> belongs to no cohort.
/// </para>
/// <para>
/// Cell (c, k) counts cohort c's users who did the return event in period c + k; k = 0 is the size by definition. A
/// return counts however it relates to the start event within the period, and any event can be both.
/// </para>
/// </summary>
public sealed class RetentionEngine
{
    private const ulong StartBit = 1;
    private const ulong ReturnBit = 2;

    private readonly RetentionDefinition _definition;
    private readonly Func<AnalysisUser, bool>? _segment;
    private readonly PeriodCalendar _calendar;
    private readonly long _now;
    private readonly int _periods;
    private readonly int[] _sizes;
    private readonly int[] _cells;
    private readonly int[] _returnMark;
    private readonly int[] _cohortMark;
    private readonly int[] _userCohorts;
    private int _mark;

    /// <param name="now">Periods that have not begun by then get no value; those that have not ended are incomplete.</param>
    /// <param name="segment">Which users count (a segment); null for everyone.</param>
    public RetentionEngine(RetentionDefinition definition, DateTimeOffset now, Func<AnalysisUser, bool>? segment = null)
    {
        if (definition.From >= definition.To || definition.Periods < 1)
        {
            throw new ArgumentException("From must be before To, and a cohort has at least one period.", nameof(definition));
        }

        _definition = definition;
        _segment = segment;
        _now = now.UtcTicks;
        _periods = definition.Periods;
        _calendar = new PeriodCalendar(definition.From, definition.To, _periods - 1, definition.Period, definition.TimeZone);
        _sizes = new int[_calendar.Cohorts];
        _cells = new int[_calendar.Cohorts * _periods];
        _returnMark = new int[_calendar.Count];
        _cohortMark = new int[_calendar.Cohorts];
        _userCohorts = new int[_calendar.Cohorts];
        Predicates = [definition.StartEvent ?? EventPredicate.AnyActive, definition.ReturnEvent ?? EventPredicate.AnyActive];
    }

    /// <summary>The predicates whose bits the events carry: the start event is bit 0, the return event bit 1.</summary>
    public IReadOnlyList<EventPredicate> Predicates { get; }

    /// <summary>The end of the last period a return can count in: the stream need not go further.</summary>
    public DateTimeOffset ReadTo => _calendar.Labels[^1];

    /// <param name="events">The user's events, in <see cref="EventOrder"/>.</param>
    /// <param name="firstStart">For first-time cohorts, when the user first did the start event, if that is before the stream begins.</param>
    public void AddUser(in AnalysisUser user, ReadOnlySpan<AnalysisEvent> events, DateTimeOffset? firstStart = null)
    {
        for (var index = 1; index < events.Length; index++)
        {
            if (events[index].Ticks < events[index - 1].Ticks)
            {
                throw new ArgumentException("A user's events must come in time order.", nameof(events));
            }
        }

        if (_segment is not null && !_segment(user))
        {
            return;
        }

        _mark++;
        if (_definition.Type == RetentionType.First)
        {
            AddFirstTime(events, firstStart?.UtcTicks ?? long.MaxValue);
        }
        else
        {
            AddRecurring(events);
        }
    }

    private void AddFirstTime(ReadOnlySpan<AnalysisEvent> events, long firstStart)
    {
        foreach (var item in events)
        {
            if ((item.Matches & StartBit) != 0)
            {
                firstStart = Math.Min(firstStart, item.Ticks);
                break;
            }
        }

        if (firstStart < _definition.From.UtcTicks || firstStart >= _definition.To.UtcTicks)
        {
            return;
        }

        var cohort = _calendar.IndexOf(firstStart);
        _sizes[cohort]++;
        var period = cohort;
        foreach (var item in events)
        {
            if ((item.Matches & ReturnBit) == 0 || item.Ticks < _calendar.StartTicks(cohort + 1))
            {
                continue;
            }

            period = Advance(period, item.Ticks);
            if (period - cohort >= _periods)
            {
                break;
            }

            _returnMark[period] = _mark;
        }

        CountReturns(cohort);
    }

    private void AddRecurring(ReadOnlySpan<AnalysisEvent> events)
    {
        var period = 0;
        var cohorts = 0;
        long from = _definition.From.UtcTicks, to = _definition.To.UtcTicks;
        foreach (var item in events)
        {
            if ((item.Matches & (StartBit | ReturnBit)) == 0 || item.Ticks < _calendar.StartTicks(0))
            {
                continue;
            }

            period = Advance(period, item.Ticks);
            if (period >= _calendar.Count)
            {
                break;
            }

            if ((item.Matches & StartBit) != 0 && item.Ticks >= from && item.Ticks < to && _cohortMark[period] != _mark)
            {
                _cohortMark[period] = _mark;
                _userCohorts[cohorts++] = period;
            }

            if ((item.Matches & ReturnBit) != 0)
            {
                _returnMark[period] = _mark;
            }
        }

        for (var index = 0; index < cohorts; index++)
        {
            _sizes[_userCohorts[index]]++;
            CountReturns(_userCohorts[index]);
        }
    }

    /// <summary>Moves forward to the period holding <paramref name="ticks"/> (events come in time order).</summary>
    private int Advance(int period, long ticks)
    {
        while (period < _calendar.Count && ticks >= _calendar.StartTicks(period + 1))
        {
            period++;
        }

        return period;
    }

    /// <summary>Adds the current user's marked return periods to cohort <paramref name="cohort"/>'s row.</summary>
    private void CountReturns(int cohort)
    {
        var row = cohort * _periods;
        var last = 0;
        for (var k = 1; k < _periods; k++)
        {
            if (_returnMark[cohort + k] == _mark)
            {
                last = k;
                if (!_definition.Unbounded)
                {
                    _cells[row + k]++;
                }
            }
        }

        if (_definition.Unbounded)
        {
            for (var k = 1; k <= last; k++)
            {
                _cells[row + k]++;
            }
        }
    }

    public RetentionResult Result()
    {
        var cohorts = new List<RetentionCohort>(_sizes.Length);
        for (var cohort = 0; cohort < _sizes.Length; cohort++)
        {
            var begun = 1;
            while (begun < _periods && _calendar.StartTicks(cohort + begun) <= _now)
            {
                begun++;
            }

            var complete = 0;
            while (complete < begun && _calendar.StartTicks(cohort + complete + 1) <= _now)
            {
                complete++;
            }

            var size = _sizes[cohort];
            var values = new int[begun];
            values[0] = size;
            for (var k = 1; k < begun; k++)
            {
                values[k] = _cells[(cohort * _periods) + k];
            }

            cohorts.Add(new RetentionCohort(_calendar.Labels[cohort], size, values, [.. values.Select(v => size == 0 ? 0.0 : 100.0 * v / size)], complete));
        }

        return new RetentionResult(cohorts, Average(cohorts));
    }

    private List<double?> Average(List<RetentionCohort> cohorts)
    {
        var average = new List<double?>(_periods);
        for (var k = 0; k < _periods; k++)
        {
            long returned = 0, size = 0;
            foreach (var cohort in cohorts.Where(c => c.CompletePeriods > k))
            {
                returned += cohort.Values[k];
                size += cohort.Size;
            }

            average.Add(size == 0 ? null : 100.0 * returned / size);
        }

        return average;
    }
}
