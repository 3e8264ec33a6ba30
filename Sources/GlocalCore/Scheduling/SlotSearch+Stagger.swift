import Foundation

extension SlotSearch {
    /// Walks the usable minutes of `[start, end)` on `day` (``UsableMinutes``: quiet hours, the past, the
    /// account's gaps and sequencing cut out) from an offset derived from `seed`, wrapping around; returns
    /// the first minute that breaks no rule (with how many candidates it is past the offset, and whether
    /// it lies before it), or the first problem met when none is free.
    func walk(_ day: LocalDate, from start: Int, to end: Int, seed: UInt64, utcOffset: Int?, ledger: ScheduleLedger)
        -> SlotWalk
    {
        guard end > start else { return SlotWalk() }
        // Near a daylight-saving change the day has two offsets, but a window that does not span it has one.
        let utcOffset = utcOffset ?? windowOffset(day, from: start, to: end)
        let usable = usableMinutes(day, from: start, to: end, utcOffset: utcOffset, ledger: ledger)
        guard usable.count > 0, var position = usable.position(at: Int(seed % UInt64(usable.count))) else {
            return SlotWalk(firstProblem: firstStaticProblem(day, from: start, to: end, ledger: ledger))
        }
        var firstProblem: String? = nil
        var resume: Date? = nil
        var wrapped = false
        let zoneID = zone.identifier
        // With one offset all day, a minute's instant is arithmetic: skipped minutes cost no conversion.
        let midnight = utcOffset.map { Double(day.daysSinceEpoch * 86_400 - $0) }
        for step in 0..<usable.count {
            if step > 0 {
                let previous = position.minute
                position = usable.next(after: position)!
                // Jumps never carry across the wrap-around from the window's end back to its start.
                if position.minute < previous {
                    resume = nil
                    wrapped = true
                }
            }
            if let resume, let midnight, midnight + Double(position.minute * 60) < resume.timeIntervalSince1970 { continue }
            let slot = Self.slot(day, minute: position.minute, zoneID: zoneID, utcOffset: utcOffset, zone: zone)
            if let resume, slot.instant < resume { continue }
            if let conflict = conflict(slot, ledger: ledger, checkWindow: false) {
                if firstProblem == nil { firstProblem = "\(slot.time) \(conflict.phrase)" }
                resume = conflict.resumeAt
                continue
            }
            return SlotWalk(slot: slot, step: step, firstProblem: firstProblem, wrapped: wrapped)
        }
        return SlotWalk(step: usable.count, firstProblem: firstProblem, wrapped: wrapped)
    }

    /// The one UTC offset of `[start, end)` on `day`, or `nil` when a change falls inside it.
    func windowOffset(_ day: LocalDate, from start: Int, to end: Int) -> Int? {
        let first = Self.slot(day, minute: start, zoneID: zone.identifier, utcOffset: nil, zone: zone)
        let last = Self.slot(day, minute: end - 1, zoneID: zone.identifier, utcOffset: nil, zone: zone)
        guard first.adjustment == .exact, last.adjustment == .exact,
            Int(last.instant.timeIntervalSince(first.instant)) == (end - 1 - start) * 60
        else { return nil }
        return day.daysSinceEpoch * 86_400 + start * 60 - Int(first.instant.timeIntervalSince1970)
    }

    /// The instant of minute `minute` of `day`, by arithmetic when the day's offset is constant.
    static func slot(_ day: LocalDate, minute: Int, zoneID: String, utcOffset: Int?, zone: TimeZone) -> LocalInstant {
        let time = LocalTime(hour: minute / 60, minute: minute % 60)!
        if let utcOffset { return LocalInstant(date: day, time: time, zoneID: zoneID, constantOffset: utcOffset) }
        return LocalInstant(date: day, time: time, zone: zone)
    }

    /// The minutes of `[start, end)` on `day` this variant may use whatever else is booked.
    func usableMinutes(_ day: LocalDate, from start: Int, to end: Int, utcOffset: Int?, ledger: ScheduleLedger)
        -> UsableMinutes
    {
        guard let offset = utcOffset else { return usableMinutesMinuteByMinute(day, from: start, to: end, ledger: ledger) }
        let midnight = Double(day.daysSinceEpoch * 86_400 - offset)
        func minuteOf(_ instant: Date) -> Double { (instant.timeIntervalSince1970 - midnight) / 60 }
        var blocked: [Range<Int>] = []
        if let quiet = quietHours {
            let from = quiet.start.minutes, to = quiet.end.minutes
            if from <= to {
                blocked.append(from..<to)
            } else {
                blocked.append(from..<1440)
                blocked.append(0..<to)
            }
        }
        var earliest: [Date] = []
        if let notBefore { earliest.append(notBefore) }
        if let rule = predecessorRule, let before = ledger.slots[rule.id] {
            earliest.append(before.addingTimeInterval(Double(rule.gap.seconds)))
        }
        for bound in earliest {
            let first = Int(minuteOf(bound).rounded(.up))
            if first > start { blocked.append(start..<min(first, end)) }
        }
        let gap = Double(profile.minGap.seconds)
        if gap > 0 {
            let from = Date(timeIntervalSince1970: midnight + Double(start * 60) - gap)
            let to = Date(timeIntervalSince1970: midnight + Double(end * 60) + gap)
            for post in ledger.accountPosts(variant.accountID, from: from, to: to) {
                // Minutes m with |m − post| < gap.
                let low = Int((minuteOf(post) - gap / 60).rounded(.down)) + 1
                let high = Int((minuteOf(post) + gap / 60).rounded(.up))
                if low < high { blocked.append(max(low, start)..<max(min(high, end), max(low, start))) }
            }
        }
        return UsableMinutes(window: start..<end, blocked: blocked)
    }

    /// Near a daylight-saving change: every minute converted and checked on its own.
    private func usableMinutesMinuteByMinute(_ day: LocalDate, from start: Int, to end: Int, ledger: ScheduleLedger)
        -> UsableMinutes
    {
        var runs: [Range<Int>] = []
        var runStart: Int? = nil
        for minute in start...end {
            var usable = false
            if minute < end {
                let slot = Self.slot(day, minute: minute, zoneID: zone.identifier, utcOffset: nil, zone: zone)
                if case .skippedGap = slot.adjustment {
                } else {
                    usable = staticProblem(slot, ledger: ledger) == nil
                }
            }
            if usable, runStart == nil { runStart = minute }
            if !usable, let first = runStart {
                runs.append(first..<minute)
                runStart = nil
            }
        }
        return UsableMinutes(runs: runs)
    }

    /// What rules out `slot` whatever else is booked: the past, quiet hours, the account's gap, sequencing.
    private func staticProblem(_ slot: LocalInstant, ledger: ScheduleLedger) -> String? {
        if let notBefore, slot.instant < notBefore { return "is in the past" }
        if let quiet = quietHours, quiet.contains(slot.time) { return "is in quiet hours (\(quiet.start)-\(quiet.end))" }
        if let other = ledger.gapConflict(account: variant.accountID, instant: slot.instant, gap: profile.minGap) {
            return "is within \(profile.minGap) of another post of the account (\(LocalInstant(instant: other, zone: zone).time))"
        }
        if let rule = predecessorRule, let before = ledger.slots[rule.id],
            slot.instant.timeIntervalSince(before) < Double(rule.gap.seconds)
        {
            return "is less than \(rule.gap) after '\(rule.id.split(separator: "/")[1])'"
        }
        return nil
    }

    /// Why a window has no usable minute, for the explanation: the first candidate minute's problem (a minute
    /// that exists that day: the clocks going forward skip some).
    private func firstStaticProblem(_ day: LocalDate, from start: Int, to end: Int, ledger: ScheduleLedger) -> String? {
        let gap = LocalInstant.constantOffset(on: day, zone: zone) == nil ? SpringForwardGap(on: day, in: zone) : nil
        guard let minute = (start..<end).first(where: { $0 % 30 != 0 && !(gap?.contains(minute: $0) ?? false) }) else {
            return nil
        }
        let slot = Self.slot(day, minute: minute, zoneID: zone.identifier, utcOffset: nil, zone: zone)
        return staticProblem(slot, ledger: ledger).map { "\(slot.time) \($0)" } ?? "\(slot.time) has no usable minute after it"
    }
}
