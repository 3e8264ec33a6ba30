import ArgumentParser
import Foundation
import GlocalCore
import GlocalStore


