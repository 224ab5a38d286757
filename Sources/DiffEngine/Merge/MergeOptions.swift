public struct MergeOptions: Sendable {
    public var style: MergeStyle
    public var favor: MergeFavor?
    public var markerSize: Int
    /// Labels after the markers: ours (`<<<<<<<`), base (`|||||||`) and theirs (`>>>>>>>`).
    public var oursLabel: String?
    public var baseLabel: String?
    public var theirsLabel: String?
    public var algorithm: DiffAlgorithm

    public init(
        style: MergeStyle = .merge, favor: MergeFavor? = nil, markerSize: Int = 7, oursLabel: String? = nil,
        baseLabel: String? = nil, theirsLabel: String? = nil, algorithm: DiffAlgorithm = .histogram
    ) {
        self.style = style
        self.favor = favor
        self.markerSize = markerSize
        self.oursLabel = oursLabel
        self.baseLabel = baseLabel
        self.theirsLabel = theirsLabel
        self.algorithm = algorithm
    }
}
