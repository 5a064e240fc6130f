namespace DhrTracker.LoadTest;

/// <summary>A process's resident memory and CPU time, and the machine's load, from /proc.</summary>
internal static class Memory
{
    /// <summary>Resident memory in KB.</summary>
    public static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        // /proc/PID/stat: the 14th and 15th fields (after the command name in brackets) are utime and stime in clock ticks (100 a second).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The machine's one-minute load average (runnable processes, everyone's), from /proc/loadavg.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// Per thread, the time it has spent running and the time it has spent runnable but waiting for a core (on the run
    /// queue, while other processes had the cores), from /proc/PID/task/*/schedstat.
    /// </summary>
    public static Dictionary<int, (long RunningNs, long WaitingNs)> Scheduling(int pid)
    {
        var threads = new Dictionary<int, (long, long)>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                threads[int.Parse(Path.GetFileName(task), System.Globalization.CultureInfo.InvariantCulture)] = (
                    long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture),
                    long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }

    /// <summary>Running and waiting-for-a-core time between two snapshots, over the threads alive at the second
    /// (a thread that ended in between is left out, so both are slight undercounts).</summary>
    public static (TimeSpan Running, TimeSpan WaitingForCpu) Between(Dictionary<int, (long RunningNs, long WaitingNs)> before, Dictionary<int, (long RunningNs, long WaitingNs)> after)
    {
        long running = 0, waiting = 0;
        foreach (var (tid, now) in after)
        {
            var then = before.GetValueOrDefault(tid);
            running += now.RunningNs - then.RunningNs;
            waiting += now.WaitingNs - then.WaitingNs;
        }

        return (TimeSpan.FromTicks(running / 100), TimeSpan.FromTicks(waiting / 100));
    }
}
